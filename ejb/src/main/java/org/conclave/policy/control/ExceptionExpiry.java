package org.conclave.policy.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every few seconds: approved exceptions past their end expire (and the expiry is audited). */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExceptionExpiry {

    private static final Logger LOG = Logger.getLogger(ExceptionExpiry.class.getName());

    @Inject
    PolicyExceptions exceptions;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void expire() {
        try {
            exceptions.expireDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not expire policy exceptions; will retry", e);
        }
    }
}
