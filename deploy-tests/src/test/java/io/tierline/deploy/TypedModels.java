package io.tierline.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Parses Kubernetes objects into the fabric8 typed model. A field the model does not know (a typo such as
 * {@code livenesProbe}) lands in a model object's additional properties; that is reported too, not ignored.
 */
final class TypedModels {

    static final Map<String, Class<?>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/Namespace", Namespace.class,
            "v1/Secret", Secret.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "batch/v1/Job", Job.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TypedModels() {
    }

    static boolean isCore(KubeObject o) {
        return KINDS.containsKey(o.apiVersion() + "/" + o.kind());
    }

    /** Parses a built-in kind into its model class. */
    static <T> T parse(KubeObject o, Class<T> type) {
        return MAPPER.convertValue(o.body(), type);
    }

    /** Problems of one built-in object: unknown kind, a value of the wrong type, an unknown field. */
    static List<String> problems(KubeObject o) {
        Class<?> type = KINDS.get(o.apiVersion() + "/" + o.kind());
        if (type == null) {
            return List.of(o + ": no typed model for " + o.apiVersion() + "/" + o.kind());
        }
        List<String> problems = new ArrayList<>();
        if (o.name() == null || o.name().isBlank()) {
            problems.add(o + ": metadata.name missing");
        }
        Object model;
        try {
            model = MAPPER.convertValue(o.body(), type);
        } catch (IllegalArgumentException e) {
            problems.add(o + ": does not parse as " + type.getSimpleName() + ": " + e.getMessage());
            return problems;
        }
        unknownFields(model, o.kind(), problems, o);
        return problems;
    }

    private static void unknownFields(Object node, String path, List<String> problems, KubeObject o) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                unknownFields(item, path + "[" + i++ + "]", problems, o);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, problems, o));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(o + ": unknown field(s) " + extra.keySet() + " at " + path);
                }
            } else {
                unknownFields(value, path + "." + field(getter), problems, o);
            }
        }
    }

    private static String field(Method getter) {
        String n = getter.getName().substring(3);
        return n.isEmpty() ? n : Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
