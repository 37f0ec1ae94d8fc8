package org.conclave.compliance.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The controls and clauses every report is assessed against, read from the two reviewed CSV files shipped with
 * this module ({@code iso27002-controls.csv}, {@code iso27010-clauses.csv}, RFC 4180). Its {@link #version()} names
 * exactly which files a report used: the SHA-256 of their bytes, reproducible with
 * {@code cat iso27002-controls.csv iso27010-clauses.csv | sha256sum}.
 */
public final class ControlCatalog {

    /** Short name of the catalog, the first part of {@link #version()}. */
    public static final String NAME = "iso27002-2022+iso27010-2015";

    static final String RESOURCES = "/org/conclave/compliance/catalog/";
    static final String CONTROLS_FILE = "iso27002-controls.csv";
    static final String CLAUSES_FILE = "iso27010-clauses.csv";

    private static final String[] CONTROL_COLUMNS = {
        "control_id", "title", "theme", "iso27002_2013", "conclave_scope", "evidence"
    };
    private static final String[] CLAUSE_COLUMNS = {"clause", "topic", "conclave_scope", "evidence"};

    private final Map<String, CatalogControl> controls;
    private final Map<String, SharingClause> clauses;
    private final String sha256;

    private ControlCatalog(Map<String, CatalogControl> controls, Map<String, SharingClause> clauses, String sha256) {
        this.controls = controls;
        this.clauses = clauses;
        this.sha256 = sha256;
    }

    /** The catalog shipped in this module's jar. */
    public static ControlCatalog bundled() {
        return parse(resource(CONTROLS_FILE), resource(CLAUSES_FILE));
    }

    /**
     * Reads the two files' bytes (UTF-8).
     *
     * @throws IllegalArgumentException if a file lacks a column, repeats an id or has an unknown scope
     */
    public static ControlCatalog parse(byte[] controlsCsv, byte[] clausesCsv) {
        Map<String, CatalogControl> controls = rows(controlsCsv, CONTROL_COLUMNS, ControlCatalog::control);
        Map<String, SharingClause> clauses = rows(clausesCsv, CLAUSE_COLUMNS, ControlCatalog::clause);
        return new ControlCatalog(controls, clauses, sha256(controlsCsv, clausesCsv));
    }

    /** All controls in catalog order (5.1 to 8.34). */
    public List<CatalogControl> controls() {
        return List.copyOf(controls.values());
    }

    /** All sharing clauses in catalog order. */
    public List<SharingClause> clauses() {
        return List.copyOf(clauses.values());
    }

    public Optional<CatalogControl> control(String id) {
        return Optional.ofNullable(controls.get(id));
    }

    public Optional<SharingClause> clause(String clause) {
        return Optional.ofNullable(clauses.get(clause));
    }

    /** The catalog's short name and the SHA-256 of its files, e.g. {@code iso27002-2022+iso27010-2015 sha256:9f2c…}. */
    public String version() {
        return NAME + " sha256:" + sha256;
    }

    /** SHA-256 (hex) of the controls file's bytes followed by the clauses file's bytes. */
    public String sha256() {
        return sha256;
    }

    private static CatalogControl control(CSVRecord row) {
        return new CatalogControl(
                required(row, "control_id"),
                required(row, "title"),
                required(row, "theme"),
                Arrays.stream(required(row, "iso27002_2013").split(";"))
                        .map(String::strip)
                        .filter(id -> !id.isEmpty())
                        .toList(),
                scope(row),
                evidence(row));
    }

    private static SharingClause clause(CSVRecord row) {
        return new SharingClause(required(row, "clause"), required(row, "topic"), scope(row), evidence(row));
    }

    private static Scope scope(CSVRecord row) {
        String word = required(row, "conclave_scope");
        return Scope.parse(word).orElseThrow(() -> invalid(row, "unknown conclave_scope '" + word + "'"));
    }

    /** In-scope rows must say what Conclave shows; out-of-scope rows may leave it empty. */
    private static String evidence(CSVRecord row) {
        String evidence = row.get("evidence").strip();
        if (evidence.isEmpty() && scope(row) != Scope.OUT_OF_SCOPE) {
            throw invalid(row, "an in-scope row must name its evidence");
        }
        return evidence;
    }

    private static String required(CSVRecord row, String column) {
        String value = row.get(column).strip();
        if (value.isEmpty()) {
            throw invalid(row, column + " is empty");
        }
        return value;
    }

    private static <T> Map<String, T> rows(byte[] csv, String[] columns, Function<CSVRecord, T> read) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        Map<String, T> byId = new LinkedHashMap<>();
        try (Reader reader = new StringReader(new String(csv, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.equals(List.of(columns))) {
                throw new IllegalArgumentException("catalog columns are " + header + ", expected " + List.of(columns));
            }
            for (CSVRecord row : parser) {
                if (!row.isConsistent()) {
                    throw invalid(row, "expected " + columns.length + " columns, found " + row.size());
                }
                String id = row.get(columns[0]).strip();
                if (byId.put(id, read.apply(row)) != null) {
                    throw invalid(row, "'" + id + "' is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byId;
    }

    private static IllegalArgumentException invalid(CSVRecord row, String why) {
        return new IllegalArgumentException("catalog line " + row.getRecordNumber() + ": " + why);
    }

    private static String sha256(byte[]... files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] file : files) {
                digest.update(file);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] resource(String file) {
        try (InputStream in = ControlCatalog.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("the catalog file " + file + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
