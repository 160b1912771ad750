package io.tierline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @Test
    void aTokenVerifiesWithThePublicKeyAndCarriesItsClaims() throws Exception {
        DevTokens tokens = DevTokens.generate();
        String token = tokens.supervisor("lead-7", "team-a", "team \"b\"");
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        assertTrue(verifies(tokens.publicKeyPem(), parts));

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\":\"tierline-local\""), claims);
        assertTrue(claims.contains("\"upn\":\"lead-7\""), claims);
        assertTrue(claims.contains("\"groups\":[\"supervisor\"]"), claims);
        assertTrue(claims.contains("\"teams\":[\"team-a\",\"team \\\"b\\\"\"]"), claims);
    }

    @Test
    void controlCharactersAndBackslashesInAClaimStayValidJson() throws Exception {
        String token = DevTokens.generate().agent("a\nb\\");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"a\\nb\\\\\""), claims);
        assertEquals("a\nb\\", new com.fasterxml.jackson.databind.ObjectMapper().readTree(claims).path("upn").asText());
    }

    @Test
    void anotherKeyDoesNotVerify() throws Exception {
        String[] parts = DevTokens.generate().admin().split("\\.");
        assertFalse(verifies(DevTokens.generate().publicKeyPem(), parts));
    }

    @Test
    void theKeyFolderIsMadeOnceOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        DevTokens first = DevTokens.loadOrCreate(dir.resolve("jwt"));
        Path privateKey = dir.resolve("jwt").resolve(DevTokens.PRIVATE_KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
        DevTokens again = DevTokens.loadOrCreate(dir.resolve("jwt"));
        assertEquals(first.publicKeyPem(), again.publicKeyPem());
        assertEquals(first.publicKeyPem(), Files.readString(dir.resolve("jwt").resolve(DevTokens.PUBLIC_KEY_FILE)));
        assertTrue(verifies(first.publicKeyPem(), again.agent("a-1").split("\\.")));
    }

    @Test
    void aPublicKeyIsNotTakenForAPrivateOne() {
        String publicPem = DevTokens.generate().publicKeyPem();
        assertThrows(IllegalArgumentException.class, () -> DevTokens.fromPrivateKeyPem(publicPem));
    }

    private static boolean verifies(String publicPem, String[] parts) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Pem.decode(publicPem, "PUBLIC KEY")));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
