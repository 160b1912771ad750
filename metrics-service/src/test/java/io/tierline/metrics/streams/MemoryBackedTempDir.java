package io.tierline.metrics.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * A JUnit temporary directory in memory where the machine has a memory file system for it (Linux's
 * {@code /dev/shm}), else in the default temporary directory. For the state of a {@code TopologyTestDriver}: the
 * driver checkpoints after every record it is given and every wall-clock advance, and a checkpoint flushes each
 * RocksDB store into a new file and syncs it to disk, milliseconds per store each time on a virtual disk. The
 * stores and the code under test are the same either way; only where their files live differs.
 */
final class MemoryBackedTempDir implements TempDirFactory {

    private static final Path MEMORY = Path.of("/dev/shm");

    @Override
    public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
            throws Exception {
        if (Files.isDirectory(MEMORY) && Files.isWritable(MEMORY)) {
            return Files.createTempDirectory(MEMORY, "tierline-streams-test-");
        }
        return Files.createTempDirectory("tierline-streams-test-");
    }
}
