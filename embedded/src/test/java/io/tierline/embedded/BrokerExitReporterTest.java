package io.tierline.embedded;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is printed when an embedded broker ends its JVM: Kafka's reason and the open file descriptors. */
class BrokerExitReporterTest {

    @Test
    void theExplanationNamesHowTheReasonAndTheOpenFiles() {
        String said = BrokerExitReporter.explain("halt", 1, "Shutdown broker because all log dirs in /x have failed");
        assertTrue(said.startsWith("The embedded Kafka broker ends this JVM (halt 1): Shutdown broker because all"
                + " log dirs in /x have failed; open file descriptors: "), said);
        String unexplained = BrokerExitReporter.explain("exit", 1, null);
        assertTrue(unexplained.matches("The embedded Kafka broker ends this JVM \\(exit 1\\): no reason given;"
                + " open file descriptors: [0-9]+"), unexplained);
    }

    @Test
    void theOpenFilesAreCountedAndFollowWhatThisJvmOpens(@TempDir Path dir) throws IOException {
        long before = Long.parseLong(BrokerExitReporter.openFiles());
        List<java.io.InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Path f = Files.writeString(dir.resolve("f" + i), "x");
                open.add(Files.newInputStream(f));
            }
            long during = Long.parseLong(BrokerExitReporter.openFiles());
            assertTrue(during >= before + 20, before + " open before, " + during + " with 20 more");
        } finally {
            for (var in : open) {
                in.close();
            }
        }
    }
}
