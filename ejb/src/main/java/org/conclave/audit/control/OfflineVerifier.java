package org.conclave.audit.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conclave.audit.entity.Checkpoint;
import org.conclave.audit.entity.Hex;
import org.conclave.audit.entity.SealedEvent;
import org.conclave.audit.entity.Verification;
import org.conclave.platform.control.Pem;

/**
 * Verifies an audit export with nothing but the JDK and the portal's public key(s): no database, no server.
 *
 * <pre>java -cp conclave-ejb.jar org.conclave.audit.control.OfflineVerifier export.jsonl audit-key.pem [more.pem]</pre>
 *
 * Exit status 0 when the export is intact, 1 when it is not, 2 on bad input.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: OfflineVerifier <export.jsonl> <public-key.pem>...");
            System.exit(2);
        }
        try {
            Map<String, PublicKey> keys = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                PublicKey key = CheckpointSignatures.publicKey(Pem.decode(Files.readString(Path.of(args[i]))));
                keys.put(CheckpointSignatures.keyId(key), key);
            }
            Verification result = verify(Path.of(args[0]), keys);
            System.out.println(CanonicalJson.write(result.toWire()));
            System.exit(result.valid() ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot verify: " + e.getMessage());
            System.exit(2);
        }
    }

    public static Verification verify(Path export, Map<String, PublicKey> keys) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            Map<?, ?> header = (Map<?, ?>) CanonicalJson.parse(in.readLine());
            if (!AuditExport.FORMAT.equals(header.get("format"))) {
                throw new IllegalArgumentException("not a Conclave audit export");
            }
            List<Checkpoint> checkpoints = new ArrayList<>();
            ChainVerifier verifier = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                Map<?, ?> value = (Map<?, ?>) CanonicalJson.parse(line);
                if ("checkpoint".equals(value.get("type"))) {
                    checkpoints.add(Checkpoints.fromWire(value));
                    continue;
                }
                SealedEvent event = eventOf(value);
                if (verifier == null) {
                    verifier = new ChainVerifier(keys, checkpoints, event.seq(), event.prevHash());
                }
                if (!verifier.accept(event)) {
                    break;
                }
            }
            if (verifier == null) {
                throw new IllegalArgumentException("the export holds no events");
            }
            return verifier.finishWithin();
        }
    }

    @SuppressWarnings("unchecked")
    private static SealedEvent eventOf(Map<?, ?> line) {
        return new SealedEvent(
                ((Number) line.get("seq")).longValue(),
                Hex.parse((String) line.get("prevHash")),
                Hex.parse((String) line.get("hash")),
                (Map<String, Object>) line.get("event"));
    }
}
