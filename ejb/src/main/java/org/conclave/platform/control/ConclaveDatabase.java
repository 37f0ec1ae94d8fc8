package org.conclave.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's connection pool, as the restricted role {@code conclave_app}. Values come from MicroProfile
 * Config (environment variables CONCLAVE_DB_URL, CONCLAVE_DB_USER, CONCLAVE_DB_PASSWORD).
 */
@Singleton
@DataSourceDefinition(
        name = ConclaveDatabase.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=conclave.db.url}",
        user = "${MPCONFIG=conclave.db.user:conclave_app}",
        password = "${MPCONFIG=conclave.db.password}",
        minPoolSize = 2,
        maxPoolSize = 48,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit"
        })
public class ConclaveDatabase {

    public static final String JNDI_NAME = "java:app/jdbc/conclave";
}
