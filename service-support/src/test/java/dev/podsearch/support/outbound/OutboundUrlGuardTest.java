package dev.podsearch.support.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.support.ProblemException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlGuardTest {

    private final OutboundUrlGuard strict = OutboundUrlGuard.strict();

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1/hook, loopback",
        "http://127.200.0.9:8080/hook, loopback",
        "http://[::1]/hook, loopback",
        "http://169.254.169.254/latest/meta-data/, link-local",
        "http://[fe80::1]/hook, link-local",
        "http://10.1.2.3/hook, private",
        "http://172.16.0.1/hook, private",
        "http://172.31.255.254/hook, private",
        "http://192.168.1.1/hook, private",
        "http://[fc00::1]/hook, private",
        "http://[fd12:3456::1]/hook, private",
        "http://100.64.0.1/hook, carrier-grade NAT",
        "http://100.127.255.254/hook, carrier-grade NAT",
        "http://0.0.0.0/hook, unspecified",
        "http://0.1.2.3/hook, unspecified",
        "http://[::]/hook, unspecified",
        "http://224.0.0.1/hook, multicast",
        "http://[ff02::1]/hook, multicast",
        "http://255.255.255.255/hook, multicast or broadcast",
        "http://[::ffff:10.0.0.1]/hook, private",
        "http://[64:ff9b::a9fe:a9fe]/hook, link-local (embedded in IPv6)",
        "http://[::127.0.0.1]/hook, loopback (embedded in IPv6)",
    })
    void refusesEveryNonPublicRange(String url, String kind) {
        UrlCheck.Refused refused = assertInstanceOf(UrlCheck.Refused.class, strict.check(url));
        assertTrue(refused.reason().contains(", a " + kind), refused.reason());
        assertTrue(refused.reason().contains("outbound.allow"), refused.reason());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.215.14/hook",
                "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook",
                "http://172.32.0.1/",
                "http://100.128.0.1/",
                "http://11.0.0.1/"
            })
    void allowsPublicAddressesAndTheRangesJustOutsideThePrivateOnes(String url) {
        UrlCheck.Allowed allowed = assertInstanceOf(UrlCheck.Allowed.class, strict.check(url));
        assertEquals(url, allowed.uri().toString());
        assertEquals(1, allowed.addresses().size());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://93.184.215.14/x | only http and https URLs are allowed, not 'ftp'",
                "file:///etc/passwd | only http and https URLs are allowed, not 'file'",
                "gopher://93.184.215.14/ | only http and https URLs are allowed, not 'gopher'",
                "/relative/path | only http and https URLs are allowed, not ''",
                "http:///nohost | the URL has no host name",
                "http://exa mple.com/ | not a URL: Illegal character in authority",
                "'' | no URL given",
            })
    void refusesWhatIsNotAnHttpUrlWithAHost(String url, String reason) {
        UrlCheck.Refused refused = assertInstanceOf(UrlCheck.Refused.class, strict.check(url));
        assertEquals(reason, refused.reason());
    }

    @Test
    void refusesAHostWithAnyNonPublicAddressAndOneThatDoesNotResolve() throws UnknownHostException {
        InetAddress publicOne = InetAddress.getByName("93.184.215.14");
        InetAddress privateOne = InetAddress.getByName("10.0.0.7");
        OutboundUrlGuard guard = new OutboundUrlGuard(List.of(), host -> switch (host) {
            case "mixed.example" -> new InetAddress[] {publicOne, privateOne};
            case "public.example" -> new InetAddress[] {publicOne};
            default -> throw new UnknownHostException(host);
        });
        assertEquals(
                "host 'mixed.example' resolves to 10.0.0.7, a private address; such targets are refused unless"
                        + " outbound.allow names them",
                assertInstanceOf(UrlCheck.Refused.class, guard.check("https://mixed.example/hook"))
                        .reason());
        assertEquals(
                List.of(publicOne),
                assertInstanceOf(UrlCheck.Allowed.class, guard.check("https://public.example/hook"))
                        .addresses());
        assertEquals(
                "host 'nowhere.example' does not resolve",
                assertInstanceOf(UrlCheck.Refused.class, guard.check("https://nowhere.example/"))
                        .reason());
    }

    @Test
    void theAllowListLetsThroughExactlyWhatItNames() {
        OutboundUrlGuard guard =
                OutboundUrlGuard.allowing(List.of("127.0.0.0/8", "::1", " 10.1.0.0/16 ", "", "Hooks.Internal"));
        assertTrue(guard.check("http://127.0.0.1:9000/hook").allowed());
        assertTrue(guard.check("http://[::1]:9000/hook").allowed());
        assertTrue(guard.check("http://10.1.200.3/hook").allowed());
        assertFalse(guard.check("http://10.2.0.1/hook").allowed(), "outside the allowed /16");
        assertFalse(guard.check("http://169.254.169.254/").allowed());
        assertFalse(guard.check("http://192.168.0.1/").allowed());
        OutboundUrlGuard byName = new OutboundUrlGuard(
                List.of("hooks.internal"), host -> new InetAddress[] {InetAddress.getByName("10.9.9.9")});
        assertTrue(byName.check("http://HOOKS.internal/x").allowed(), "a named host, whatever it resolves to");
        assertFalse(byName.check("http://other.internal/x").allowed());
    }

    @Test
    void localhostByNameIsLoopbackUnlessAllowed() {
        assertFalse(strict.check("http://localhost:8083/").allowed());
        assertTrue(OutboundUrlGuard.allowing(List.of("127.0.0.0/8", "::1/128"))
                .check("http://localhost:8083/")
                .allowed());
    }

    @Test
    void requireAnswersA400NamingTheField() {
        ProblemException problem =
                assertThrows(ProblemException.class, () -> strict.require("webhookUrl", "http://192.168.0.10/hook"));
        assertEquals(400, problem.problem().status());
        assertEquals(Map.of("parameter", "webhookUrl"), problem.problem().extensions());
        assertTrue(problem.problem().detail().startsWith("webhookUrl: host '192.168.0.10' resolves to 192.168.0.10"));
        assertEquals(
                "93.184.215.14",
                strict.require("webhookUrl", "http://93.184.215.14/").uri().getHost());
    }

    @Test
    void aGivenUrlMustBeThereAndNotTooLongBeforeItIsChecked() {
        ProblemException missing =
                assertThrows(ProblemException.class, () -> strict.requireGiven("url", "  ", "the feed's address"));
        assertEquals(Map.of("parameter", "url"), missing.problem().extensions());
        assertEquals("the feed's address", missing.problem().detail());
        String longUrl = "http://93.184.215.14/" + "a".repeat(OutboundUrlGuard.MAX_URL_LENGTH);
        ProblemException tooLong =
                assertThrows(ProblemException.class, () -> strict.requireGiven("url", longUrl, "the feed's address"));
        assertEquals("url is longer than 2000 characters", tooLong.problem().detail());
        assertEquals(
                "http://93.184.215.14/feed",
                strict.requireGiven("url", " http://93.184.215.14/feed ", "x")
                        .uri()
                        .toString());
    }

    @Test
    void aMalformedAllowListEntryIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> OutboundUrlGuard.allowing(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> OutboundUrlGuard.allowing(List.of("10.0.0.0/x")));
    }
}
