package io.tierline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The machine a report was measured on, recorded at its top: cores, memory, CPU, OS and JDK. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryMb", memoryMb());
        m.put("cpu", cpuModel());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        return m;
    }

    /** One sentence for the report's top. */
    static String line() {
        Map<String, Object> m = describe();
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s, Java %s.", m.get("cores"), m.get("cpu"),
                ((Number) m.get("memoryMb")).longValue() / 1024.0, System.getProperty("os.name"),
                System.getProperty("java.version"));
    }

    private static long memoryMb() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() >> 20 : -1;
    }

    /** The model name Linux reports for the first CPU, or "unknown CPU" elsewhere. */
    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
