package io.tierline.intake.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayKeysTest {

    private static final GatewayKeys KEYS = GatewayKeys.of(List.of(
            new GatewayKeys.Configured("ivr", GatewayKeys.sha256Hex("ivr-secret"), Set.of(Channel.PHONE)),
            new GatewayKeys.Configured("web", GatewayKeys.sha256Hex("web-secret").toUpperCase(Locale.ROOT),
                    Set.of(Channel.CHAT, Channel.EMAIL))), true);

    @Test
    void aKnownKeyIsItsGatewayWithItsChannels() {
        Gateway ivr = KEYS.authenticate("ivr-secret").orElseThrow();
        assertEquals("ivr", ivr.name());
        assertTrue(ivr.allows(Channel.PHONE));
        assertEquals(false, ivr.allows(Channel.CHAT));
        assertEquals("web", KEYS.authenticate("web-secret").orElseThrow().name(), "hex in any case");
    }

    @Test
    void aMissingUnknownOrAlmostRightKeyIsNobody() {
        assertTrue(KEYS.authenticate(null).isEmpty());
        assertTrue(KEYS.authenticate("").isEmpty());
        assertTrue(KEYS.authenticate("ivr-secret ").isEmpty());
        assertTrue(KEYS.authenticate("IVR-SECRET").isEmpty());
        assertTrue(KEYS.authenticate(GatewayKeys.sha256Hex("ivr-secret")).isEmpty(), "the hash is not the key");
    }

    @Test
    void theHashIsTheHexSha256OfTheKey() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", GatewayKeys.sha256Hex("abc"));
    }

    @Test
    void withoutAnyGatewayItRefusesUnlessSwitchedOff() {
        var e = assertThrows(IllegalArgumentException.class, () -> GatewayKeys.of(List.of(), true));
        assertTrue(e.getMessage().contains("tierline.intake.auth.enabled=false"), e.getMessage());
        GatewayKeys off = GatewayKeys.of(List.of(), false);
        assertTrue(off.authenticate(null).orElseThrow().allows(Channel.SOCIAL), "off: anyone, any channel");
    }

    @Test
    void aBadHashNoChannelOrASharedKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GatewayKeys.of(List.of(
                new GatewayKeys.Configured("plain", "my-plaintext-key", Set.of(Channel.SMS))), true));
        assertThrows(IllegalArgumentException.class, () -> GatewayKeys.of(List.of(
                new GatewayKeys.Configured("none", GatewayKeys.sha256Hex("k"), Set.of())), true));
        assertThrows(IllegalArgumentException.class, () -> GatewayKeys.of(List.of(
                new GatewayKeys.Configured("a", GatewayKeys.sha256Hex("k"), Set.of(Channel.SMS)),
                new GatewayKeys.Configured("b", GatewayKeys.sha256Hex("k"), Set.of(Channel.CHAT))), true));
    }
}
