package io.tierline.escalation.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tierline.platform.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * The policy document as JSON or YAML: reads a request body in the format its {@code Content-Type} names, and
 * answers in the format the {@code Accept} header prefers (JSON unless a YAML type comes first). Both readers
 * reject duplicate keys and trailing content. The tree read is the same either way, so validation does not
 * depend on the format.
 */
final class PolicyFormat {

    static final String YAML = "application/yaml";
    static final String X_YAML = "application/x-yaml";
    static final String TEXT_YAML = "text/yaml";
    private static final List<MediaType> YAML_TYPES = List.of(MediaType.valueOf(YAML), MediaType.valueOf(X_YAML),
            MediaType.valueOf(TEXT_YAML));

    private static final ObjectMapper JSON_MAPPER = strict(new ObjectMapper());
    private static final ObjectMapper YAML_MAPPER = strict(new YAMLMapper(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build()));

    private PolicyFormat() {
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    static boolean isYaml(MediaType type) {
        return type != null && type.getSubtype().toLowerCase(Locale.ROOT).endsWith("yaml");
    }

    /** The body as a tree; a body that is not well-formed is a 400 naming {@code body}. */
    static JsonNode read(String body, MediaType type) {
        boolean yaml = isYaml(type);
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "is required: a policy document");
        }
        try {
            JsonNode tree = (yaml ? YAML_MAPPER : JSON_MAPPER).readTree(body);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw ProblemException.invalid("body", "is required: a policy document");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")";
            throw ProblemException.invalid("body", "is not well-formed " + (yaml ? "YAML" : "JSON") + where);
        }
    }

    /** The answer in the format the client prefers: the first acceptable type JSON or a YAML type satisfies. */
    static Response answer(Response.ResponseBuilder status, Object entity, HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return status.type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
            }
            for (MediaType yaml : YAML_TYPES) {
                if (accepted.isCompatible(yaml)) {
                    return status.type(yaml.withCharset("UTF-8")).entity(yaml(entity)).build();
                }
            }
        }
        return status.type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
    }

    static Response answer(Object entity, HttpHeaders headers) {
        return answer(Response.ok(), entity, headers);
    }

    private static String yaml(Object entity) {
        try {
            return YAML_MAPPER.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the policy view cannot be written as YAML", e);
        }
    }
}
