package io.tierline.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on loopback, on disk (H2 MVStore file) or in memory.
 * It supports single-document atomic updates and unique indexes, not transactions or change streams;
 * Tierline's services are written for exactly that subset so they also run on a real replica set.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final String connectionString;

    private EmbeddedMongo(MongoServer server, MongoBackend backend, String connectionString) {
        this.server = server;
        this.backend = backend;
        this.connectionString = connectionString;
    }

    /**
     * @param port     port to listen on (0 for any free one)
     * @param dataFile the store's file, or null to keep everything in memory
     */
    public static EmbeddedMongo start(int port, Path dataFile) {
        MongoBackend backend;
        if (dataFile == null) {
            backend = new IndexedMemoryBackend();
        } else {
            try {
                Files.createDirectories(dataFile.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = new H2Backend(dataFile.toAbsolutePath().toString());
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        var address = server.getLocalAddress();
        return new EmbeddedMongo(server, backend, "mongodb://127.0.0.1:" + address.getPort());
    }

    /** A handle on a store started elsewhere (e.g. by another class loader of the same JVM); close does nothing. */
    public static EmbeddedMongo attach(String connectionString) {
        return new EmbeddedMongo(null, null, connectionString);
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdownNow();
            backend.close();
        }
    }
}
