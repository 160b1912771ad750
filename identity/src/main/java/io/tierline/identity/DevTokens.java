package io.tierline.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs RS256 JWTs the way an identity provider would, for tests, the local run and the simulator. The key
 * pair is made on the spot (tests) or kept in a folder of the local run's data ({@link #loadOrCreate}); it is
 * never committed. The services are given only the public key and the issuer.
 */
public final class DevTokens {

    /** The issuer of development tokens; the services' default {@code mp.jwt.verify.issuer}. */
    public static final String ISSUER = "tierline-local";
    public static final String PRIVATE_KEY_FILE = "private-key.pem";
    public static final String PUBLIC_KEY_FILE = "public-key.pem";
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DevTokens(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh 2048-bit RSA key pair. */
    public static DevTokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new DevTokens(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signer for a PKCS#8 PEM private key; the public key is derived from it. */
    public static DevTokens fromPrivateKeyPem(String pem) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(pem, "PRIVATE KEY")));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("not an RSA private key with its public exponent");
            }
            return new DevTokens(key, rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key", e);
        }
    }

    /**
     * The key pair kept in {@code folder} ({@value #PRIVATE_KEY_FILE}, readable by the owner only, and
     * {@value #PUBLIC_KEY_FILE}), made there first if it is not.
     */
    public static synchronized DevTokens loadOrCreate(Path folder) throws IOException {
        Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
        Path publicFile = folder.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateFile)) {
            DevTokens tokens = fromPrivateKeyPem(Files.readString(privateFile));
            if (!Files.exists(publicFile)) {
                Files.writeString(publicFile, tokens.publicKeyPem());
            }
            return tokens;
        }
        Files.createDirectories(folder);
        DevTokens tokens = generate();
        Path partial = folder.resolve(PRIVATE_KEY_FILE + ".new");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, tokens.privateKeyPem());
        Files.move(partial, privateFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(publicFile, tokens.publicKeyPem());
        return tokens;
    }

    public String publicKeyPem() {
        return Pem.encode(publicKey.getEncoded(), "PUBLIC KEY");
    }

    public String privateKeyPem() {
        return Pem.encode(privateKey.getEncoded(), "PRIVATE KEY");
    }

    /** An admin's token. */
    public String admin() {
        return issue("tierline-admin", List.of(Roles.ADMIN), List.of());
    }

    /** A read-only operations token. */
    public String ops() {
        return issue("tierline-ops", List.of(Roles.OPS), List.of());
    }

    /** Agent {@code agentId}'s token. */
    public String agent(String agentId) {
        return issue(agentId, List.of(Roles.AGENT), List.of());
    }

    /** A supervisor's token, for the agents of {@code teams}. */
    public String supervisor(String name, String... teams) {
        return issue(name, List.of(Roles.SUPERVISOR), List.of(teams));
    }

    /** A token for {@code subject} (also its {@code upn}) with these roles and teams, valid for 12 hours. */
    public String issue(String subject, Collection<String> groups, Collection<String> teams) {
        return issue(subject, groups, teams, Instant.now(), LIFETIME);
    }

    public String issue(String subject, Collection<String> groups, Collection<String> teams, Instant issuedAt,
            Duration lifetime) {
        return issue(ISSUER, subject, groups, teams, issuedAt, lifetime);
    }

    /** A token from {@code issuer}: tests use it to show that the services refuse other issuers. */
    public String issue(String issuer, String subject, Collection<String> groups, Collection<String> teams,
            Instant issuedAt, Duration lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("groups", List.copyOf(groups));
        if (!teams.isEmpty()) {
            claims.put(Roles.TEAMS_CLAIM, List.copyOf(teams));
        }
        String signingInput = base64Url(HEADER) + "." + base64Url(json(claims));
        return signingInput + "." + sign(signingInput);
    }

    private String sign(String signingInput) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> claims) {
        try {
            return JSON.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // strings, numbers and lists of strings always serialise
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Prints a token: {@code DevTokens <key folder> admin|ops|agent <agentId>|supervisor <name> <team>...}.
     * Used by {@code deploy/local/token} to call the local run's APIs by hand.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DevTokens <key folder> admin | ops | agent <agentId> | supervisor <name> <team>...");
            System.exit(2);
        }
        DevTokens tokens = loadOrCreate(Path.of(args[0]));
        String token = switch (args[1]) {
            case Roles.ADMIN -> tokens.admin();
            case Roles.OPS -> tokens.ops();
            case Roles.AGENT -> {
                requireArgs(args, 3);
                yield tokens.agent(args[2]);
            }
            case Roles.SUPERVISOR -> {
                requireArgs(args, 4);
                yield tokens.supervisor(args[2], java.util.Arrays.copyOfRange(args, 3, args.length));
            }
            default -> {
                System.err.println("unknown role " + args[1] + " (admin, ops, agent, supervisor)");
                System.exit(2);
                yield null;
            }
        };
        System.out.println(token);
    }

    private static void requireArgs(String[] args, int count) {
        if (args.length < count) {
            System.err.println("role " + args[1] + " needs " + (count == 3 ? "an agent id" : "a name and at least one team"));
            System.exit(2);
        }
    }
}
