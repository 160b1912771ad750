package io.tierline.metrics.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tierline.metrics.config.MetricsConfig;
import io.tierline.metrics.streams.KpiStateUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Fetches another instance's part of a KPI query from its internal {@code GET /kpis/local/...} endpoints
 * ({@link KpiLocalResource}). An instance that cannot be reached, does not answer in time or answers anything but
 * 200 fails the future with {@link KpiStateUnavailableException}: never a partial answer. The request carries the
 * {@code Authorization} header of the request being answered (the caller's token; there is no service token), so
 * call it while answering one.
 */
@ApplicationScoped
public class KpiPeers {

    private final HttpClient client;
    private final Duration timeout;
    private final HttpHeaders incoming;

    public KpiPeers(MetricsConfig config, HttpHeaders incoming) {
        this.incoming = incoming;
        this.timeout = config.instance().peerTimeout();
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * {@code GET http://host:port/kpis/local/<path>?<query>}, the body read as {@code type}.
     *
     * @param query parameter names to values, several values of one name as a list
     */
    public <T> CompletableFuture<T> get(HostInfo owner, String path, Map<String, ?> query, TypeReference<T> type) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + KpiLocalResource.PATH + "/" + path
                + "?" + queryString(query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .GET();
        String authorization = incoming.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error != null) {
                        throw unavailable(owner, "cannot be reached (" + error + ")");
                    }
                    if (response.statusCode() != 200) {
                        throw unavailable(owner, "answered " + response.statusCode());
                    }
                    try {
                        return KpiPartJson.read(response.body(), type);
                    } catch (JsonProcessingException e) {
                        throw unavailable(owner, "answered what is not its part of the KPIs");
                    }
                });
    }

    private static CompletionException unavailable(HostInfo owner, String what) {
        return new CompletionException(new KpiStateUnavailableException(
                "the instance at " + owner.host() + ":" + owner.port() + " " + what));
    }

    private static String queryString(Map<String, ?> query) {
        StringJoiner out = new StringJoiner("&");
        query.forEach((name, value) -> {
            Iterable<?> values = value instanceof Iterable<?> list ? list : java.util.List.of(value);
            values.forEach(v -> out.add(name + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        });
        return out.toString();
    }
}
