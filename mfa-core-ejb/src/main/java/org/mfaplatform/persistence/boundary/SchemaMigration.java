package org.mfaplatform.persistence.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the database schema up to date before anything else of the application touches it, on
 * Derby and PostgreSQL alike. The schema belongs to the Liquibase change log in {@value
 * #CHANGELOG}; JPA only maps it and never creates or drops a table.
 *
 * <p>Nodes of a cluster may start together: Liquibase holds a lock row in the database while it
 * migrates, so one node applies the changes and the others wait and then find nothing to do. A
 * failed migration fails the start of the application, rather than letting it serve requests
 * against a schema its entities do not match.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /** On the class path of the EJB module. */
    public static final String CHANGELOG = "db/changelog/changelog.xml";

    @Resource(lookup = "jdbc/mfa")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            migrate(connection, null);
        } catch (SQLException | LiquibaseException e) {
            LOG.log(Level.SEVERE, "Could not bring the database schema up to date", e);
            throw new IllegalStateException("database schema migration failed", e);
        }
    }

    /**
     * Applies the change log to the database behind the connection.
     *
     * @param untilTag the tag to stop at, for testing an upgrade from an earlier release; null to
     *     apply every change
     */
    public static void migrate(Connection connection, String untilTag)
            throws LiquibaseException, SQLException {
        boolean autoCommit = connection.getAutoCommit();
        Database database =
                DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        ClassLoaderResourceAccessor changeLogs =
                new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader());
        // Liquibase reports anonymous usage to its vendor unless told not to; a server of ours
        // never calls anyone at start.
        Map<String, Object> scope =
                Map.of(
                        Scope.Attr.resourceAccessor.name(),
                        changeLogs,
                        "liquibase.analytics.enabled",
                        false,
                        "liquibase.showBanner",
                        false);
        try {
            Scope.child(scope, () -> update(database, untilTag));
        } catch (LiquibaseException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        } finally {
            // Liquibase turns auto-commit off and leaves the last read open; hand the connection
            // back as it came, with nothing pending (Derby refuses to close it otherwise).
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            connection.setAutoCommit(autoCommit);
        }
        LOG.log(
                Level.INFO,
                "Database schema is up to date ({0})",
                database.getDatabaseProductName());
    }

    private static void update(Database database, String untilTag) throws Exception {
        if (untilTag == null) {
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .execute();
            return;
        }
        new CommandScope(UpdateToTagCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateToTagCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(UpdateToTagCommandStep.TAG_ARG, untilTag)
                .execute();
    }
}
