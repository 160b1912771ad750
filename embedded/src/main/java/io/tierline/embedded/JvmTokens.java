package io.tierline.embedded;

import io.tierline.identity.DevTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The token signer of this JVM (a test run, a benchmark): one key pair, made on first use and kept in a system
 * property so that every class loader of the JVM signs with the same key. The services under test trust its
 * public key: in-process ones through {@link TierlineTestInfra}, processes through {@link ServiceProcess}.
 */
public final class JvmTokens {

    private static final String SIGNING_KEY_PROPERTY = "tierline.test.jwt.signing-key";
    private static DevTokens tokens;
    private static Path publicKeyFile;

    private JvmTokens() {
    }

    public static DevTokens get() {
        synchronized (System.getProperties()) {
            if (tokens == null) {
                String pem = System.getProperty(SIGNING_KEY_PROPERTY);
                if (pem == null) {
                    tokens = DevTokens.generate();
                    System.setProperty(SIGNING_KEY_PROPERTY, tokens.privateKeyPem());
                } else {
                    tokens = DevTokens.fromPrivateKeyPem(pem);
                }
            }
            return tokens;
        }
    }

    /** The settings that make a service process trust this JVM's tokens: the public key's file and the issuer. */
    public static Map<String, String> verifierProperties() {
        synchronized (System.getProperties()) {
            if (publicKeyFile == null) {
                try {
                    Path file = Files.createTempFile("tierline-jwt-", ".pem");
                    file.toFile().deleteOnExit();
                    Files.writeString(file, get().publicKeyPem());
                    publicKeyFile = file;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Map.of("mp.jwt.verify.publickey.location", publicKeyFile.toString(),
                    "mp.jwt.verify.issuer", DevTokens.ISSUER);
        }
    }
}
