package io.tierline.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a scenario YAML file, or one of the shipped scenarios by name, and says precisely what is wrong with a bad one. */
public final class ScenarioLoader {

    /** The scenarios shipped in the simulator (resources {@code scenarios/<name>.yaml}). */
    public static final List<String> SHIPPED = List.of("quiet-day", "monday-peak", "outage-storm", "large-centre");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScenarioLoader() {
    }

    /** A shipped scenario's name, or a path to a YAML file. */
    public static Scenario load(String nameOrPath) {
        if (SHIPPED.contains(nameOrPath)) {
            try (InputStream in = ScenarioLoader.class.getResourceAsStream("/scenarios/" + nameOrPath + ".yaml")) {
                return parse(in, nameOrPath);
            } catch (IOException e) {
                throw new ScenarioException(nameOrPath + ": " + e.getMessage());
            }
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new ScenarioException(nameOrPath + ": neither a shipped scenario " + SHIPPED + " nor a file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, nameOrPath);
        } catch (IOException e) {
            throw new ScenarioException(nameOrPath + ": " + e.getMessage());
        }
    }

    static Scenario parse(InputStream in, String source) {
        try {
            return YAML.readValue(in, Scenario.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
            String what = cause != null ? cause.getMessage() : e.getOriginalMessage();
            throw new ScenarioException(source + ": " + (path.isEmpty() ? "" : "at " + path + ": ") + what);
        } catch (IOException e) {
            throw new ScenarioException(source + ": not valid YAML: " + e.getMessage());
        }
    }

    /** A scenario that cannot be used, with the field and the reason. */
    public static final class ScenarioException extends RuntimeException {
        public ScenarioException(String message) {
            super(message);
        }
    }
}
