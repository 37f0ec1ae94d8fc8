package org.conclave.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ForwardedClientTest {

    private final ForwardedClient behindProxy = ForwardedClient.trusting("127.0.0.1, ::1");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("127.0.0.1", ForwardedClient.trusting("").address("127.0.0.1", "203.0.113.7"));
    }

    @Test
    void aTrustedProxyNamesTheClientItForwardedFor() {
        assertEquals("192.0.2.10", behindProxy.address("127.0.0.1", "192.0.2.10"));
    }

    @Test
    void aClientCannotChooseItsAddressBySendingTheHeaderItself() {
        assertEquals("192.0.2.10", behindProxy.address("127.0.0.1", "203.0.113.7, 192.0.2.10"));
    }

    @Test
    void aRequestNotFromATrustedProxyKeepsItsPeerAddress() {
        assertEquals("192.0.2.99", behindProxy.address("192.0.2.99", "203.0.113.7"));
    }

    @Test
    void chainedTrustedProxiesAreSkipped() {
        assertEquals("2001:db8::5", behindProxy.address("127.0.0.1", "2001:db8::5, ::1"));
    }

    @Test
    void garbageInTheHeaderStopsTheWalkAtTheLastGoodHop() {
        assertEquals("127.0.0.1", behindProxy.address("127.0.0.1", "<script>, 127.0.0.1"));
        assertEquals("127.0.0.1", behindProxy.address("127.0.0.1", "' OR 1=1 --"));
    }

    @Test
    void onlyTrustedHopsMeansTheFirstOfThem() {
        assertEquals("::1", behindProxy.address("127.0.0.1", "::1, 127.0.0.1"));
    }
}
