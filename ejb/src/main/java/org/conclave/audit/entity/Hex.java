package org.conclave.audit.entity;

import java.util.HexFormat;

/** Lower-case hexadecimal, the way hashes appear in exports, checkpoints and reports. */
public final class Hex {

    private Hex() {}

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
