package org.conclave.compliance.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.conclave.compliance.entity.CatalogControl;
import org.conclave.compliance.entity.ControlCatalog;
import org.conclave.compliance.entity.SharingClause;
import org.conclave.platform.control.ConclaveDatabase;

/**
 * Loads the control catalogs shipped with the reports module into the database at start, once per catalog version
 * (the version names the SHA-256 of the files): a changed catalog is a new version beside the old one, so earlier
 * reports still name the catalog they used. Safe with several instances starting together.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
public class CatalogImport {

    private static final Logger LOG = Logger.getLogger(CatalogImport.class.getName());

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    private ControlCatalog catalog;

    @PostConstruct
    void load() {
        catalog = ControlCatalog.bundled();
        try (Connection c = database.getConnection();
                PreparedStatement version = c.prepareStatement(
                        "INSERT INTO catalog_version (version, loaded_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            version.setString(1, catalog.version());
            version.setTimestamp(2, Timestamp.from(Instant.now()));
            if (version.executeUpdate() == 0) {
                return;
            }
            try (PreparedStatement controls =
                    c.prepareStatement("INSERT INTO catalog_control VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (CatalogControl control : catalog.controls()) {
                    controls.setString(1, catalog.version());
                    controls.setString(2, control.id());
                    controls.setString(3, control.title());
                    controls.setString(4, control.theme());
                    controls.setString(5, String.join(";", control.iso2013Ids()));
                    controls.setString(6, control.scope().catalogName());
                    controls.setString(7, control.evidence());
                    controls.addBatch();
                }
                controls.executeBatch();
            }
            try (PreparedStatement clauses =
                    c.prepareStatement("INSERT INTO catalog_sharing_clause VALUES (?, ?, ?, ?, ?)")) {
                for (SharingClause clause : catalog.clauses()) {
                    clauses.setString(1, catalog.version());
                    clauses.setString(2, clause.clause());
                    clauses.setString(3, clause.topic());
                    clauses.setString(4, clause.scope().catalogName());
                    clauses.setString(5, clause.evidence());
                    clauses.addBatch();
                }
                clauses.executeBatch();
            }
            LOG.info("loaded control catalog " + catalog.version());
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the control catalog", e);
        }
    }

    public ControlCatalog catalog() {
        return catalog;
    }
}
