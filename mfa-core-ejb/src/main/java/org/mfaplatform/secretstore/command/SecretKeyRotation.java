package org.mfaplatform.secretstore.command;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mfaplatform.secretstore.control.SealedSecret;
import org.mfaplatform.secretstore.control.SecretCipher;
import org.mfaplatform.secretstore.control.SecretKeyRing;
import org.mfaplatform.secretstore.control.SecretUnreadableException;

/**
 * Re-encrypts every stored TOTP secret that is not under the current key with the current key, so
 * the older keys can then be removed from the ring. The operator runs it with the server's own key
 * settings in the environment, after making the new key current:
 *
 * <pre>
 * MFA_SECRETKEYS=old:...,new:... MFA_SECRETKEYS_CURRENT=new MFA_DB_PASSWORD=... \
 *   mvn -pl mfa-core-ejb compile exec:java -Dexec.args="--jdbc-url jdbc:postgresql://db/mfa --user mfa"
 * </pre>
 *
 * <p>Plain JDBC rather than the persistence unit, so it runs outside the server. Each row is its
 * own transaction, and its update only applies if the row still holds what was read: a setup or
 * reset the running server makes meanwhile is never overwritten. Running it again re-encrypts
 * nothing more. It prints counts and key ids, never a secret or a key.
 */
public final class SecretKeyRotation {

    /** Rows read per query; each is then updated and committed on its own. */
    private static final int PAGE_SIZE = 100;

    static final int DONE = 0;
    static final int SOME_UNREADABLE = 1;
    static final int USAGE = 2;

    /** What a run did; secrets that could not be decrypted are counted by key id. */
    public record Report(
            int reEncrypted,
            int alreadyCurrent,
            int changedMeanwhile,
            Map<String, Integer> unreadableByKeyId) {

        public int unreadable() {
            return unreadableByKeyId.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private record StoredSecret(long id, long accountId, SealedSecret sealed) {}

    private final SecretKeyRing ring;
    private final SecretCipher cipher;

    public SecretKeyRotation(SecretKeyRing ring) {
        if (ring.isEmpty()) {
            throw new IllegalArgumentException("the key ring is empty");
        }
        this.ring = ring;
        this.cipher = new SecretCipher(ring);
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out);
        if (status != DONE) {
            System.exit(status);
        }
    }

    /**
     * @param env the environment, where the keys and the database password come from, as for the
     *     server: never the command line, which other users of the machine can read
     */
    static int run(String[] args, Map<String, String> env, PrintStream out) {
        Map<String, String> options = options(args);
        String url = options.get("--jdbc-url");
        if (url == null || options.containsKey(null)) {
            out.println(
                    "Usage: SecretKeyRotation --jdbc-url URL [--user NAME]\n"
                            + "Keys from MFA_SECRETKEYS and MFA_SECRETKEYS_CURRENT, the database"
                            + " user and password from --user or MFA_DB_USER and MFA_DB_PASSWORD.");
            return USAGE;
        }

        SecretKeyRing ring;
        try {
            ring =
                    SecretKeyRing.parse(
                            env.get("MFA_SECRETKEYS"), env.get("MFA_SECRETKEYS_CURRENT"));
        } catch (IllegalArgumentException e) {
            out.println("MFA_SECRETKEYS or MFA_SECRETKEYS_CURRENT is unusable: " + e.getMessage());
            return USAGE;
        }
        if (ring.isEmpty()) {
            out.println("MFA_SECRETKEYS is empty: set the same keys the server uses.");
            return USAGE;
        }
        out.println("Key ring: " + ring);

        String user = options.getOrDefault("--user", env.get("MFA_DB_USER"));
        Report report;
        try (Connection db = DriverManager.getConnection(url, user, env.get("MFA_DB_PASSWORD"))) {
            report = new SecretKeyRotation(ring).rotate(db);
        } catch (SQLException e) {
            out.println("Database error: " + e.getMessage());
            return USAGE;
        } finally {
            shutDownEmbeddedDerby(url);
        }

        printReport(report, ring, out);
        return report.unreadable() == 0 ? DONE : SOME_UNREADABLE;
    }

    /** Re-encrypts, row by row, every secret whose key is not the current one. */
    public Report rotate(Connection db) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            return rotateRowByRow(db);
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private Report rotateRowByRow(Connection db) throws SQLException {
        int reEncrypted = 0;
        int changedMeanwhile = 0;
        Map<String, Integer> unreadable = new TreeMap<>();

        long afterId = 0;
        List<StoredSecret> page = notUnderCurrentKey(db, afterId);
        while (!page.isEmpty()) {
            for (StoredSecret stored : page) {
                try {
                    if (reEncrypt(db, stored)) {
                        reEncrypted++;
                    } else {
                        changedMeanwhile++;
                    }
                } catch (SecretUnreadableException e) {
                    // Left as it is, under its old key id: the report tells which key it needs.
                    unreadable.merge(stored.sealed().keyId(), 1, Integer::sum);
                }
            }
            afterId = page.get(page.size() - 1).id();
            page = notUnderCurrentKey(db, afterId);
        }

        return new Report(
                reEncrypted, underCurrentKey(db) - reEncrypted, changedMeanwhile, unreadable);
    }

    private List<StoredSecret> notUnderCurrentKey(Connection db, long afterId) throws SQLException {
        List<StoredSecret> page = new ArrayList<>();
        try (PreparedStatement select =
                db.prepareStatement(
                        "SELECT ID, ACCOUNT_ID, SECRET_KEY_ID, SECRET_CIPHERTEXT FROM MFA_DEVICE"
                                + " WHERE SECRET_KEY_ID <> ? AND ID > ? ORDER BY ID"
                                + " FETCH FIRST "
                                + PAGE_SIZE
                                + " ROWS ONLY")) {
            select.setString(1, ring.currentKeyId());
            select.setLong(2, afterId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.add(
                            new StoredSecret(
                                    rows.getLong(1),
                                    rows.getLong(2),
                                    new SealedSecret(rows.getString(3), rows.getString(4))));
                }
            }
        }
        db.commit();
        return page;
    }

    /**
     * @return false if the row changed or went away since it was read, and was left alone
     */
    private boolean reEncrypt(Connection db, StoredSecret stored) throws SQLException {
        byte[] aad = SecretCipher.boundToAccount(stored.accountId());
        byte[] secret = cipher.open(stored.sealed(), aad);
        SealedSecret resealed;
        try {
            resealed = cipher.seal(secret, aad);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }

        try (PreparedStatement update =
                db.prepareStatement(
                        "UPDATE MFA_DEVICE SET SECRET_KEY_ID = ?, SECRET_CIPHERTEXT = ?"
                                + " WHERE ID = ? AND ACCOUNT_ID = ? AND SECRET_KEY_ID = ?"
                                + " AND SECRET_CIPHERTEXT = ?")) {
            update.setString(1, resealed.keyId());
            update.setString(2, resealed.ciphertext());
            update.setLong(3, stored.id());
            update.setLong(4, stored.accountId());
            update.setString(5, stored.sealed().keyId());
            update.setString(6, stored.sealed().ciphertext());
            int updated = update.executeUpdate();
            db.commit();
            return updated == 1;
        } catch (SQLException e) {
            db.rollback();
            throw e;
        }
    }

    private int underCurrentKey(Connection db) throws SQLException {
        try (PreparedStatement count =
                db.prepareStatement("SELECT COUNT(*) FROM MFA_DEVICE WHERE SECRET_KEY_ID = ?")) {
            count.setString(1, ring.currentKeyId());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                int total = result.getInt(1);
                db.commit();
                return total;
            }
        }
    }

    private static void printReport(Report report, SecretKeyRing ring, PrintStream out) {
        out.println(
                "Re-encrypted "
                        + report.reEncrypted()
                        + " TOTP secrets under key "
                        + ring.currentKeyId()
                        + "; "
                        + report.alreadyCurrent()
                        + " were under it already.");
        if (report.changedMeanwhile() > 0) {
            out.println(
                    report.changedMeanwhile()
                            + " rows changed while the command ran and were left alone; run it"
                            + " again.");
        }
        if (report.unreadable() > 0) {
            out.println(
                    report.unreadable()
                            + " secrets could not be decrypted and were left alone, by key id: "
                            + report.unreadableByKeyId()
                            + ". Keep their keys in MFA_SECRETKEYS; a secret that still fails"
                            + " was altered in the database and its user needs an MFA reset.");
        } else {
            out.println("No secret is left under another key: older keys may leave the ring.");
        }
    }

    /** The options by name; an unknown option or one without a value is kept under null. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            boolean known = args[i].equals("--jdbc-url") || args[i].equals("--user");
            if (!known || i + 1 == args.length) {
                options.put(null, args[i]);
            } else {
                options.put(args[i], args[i + 1]);
            }
        }
        return options;
    }

    /**
     * Embedded Derby writes its files on shutdown; without one the next start has to recover them
     * from the log. Derby answers a successful shutdown with an exception.
     */
    private static void shutDownEmbeddedDerby(String url) {
        if (!url.startsWith("jdbc:derby:") || url.startsWith("jdbc:derby://")) {
            return;
        }
        String database = url.split(";", 2)[0];
        try {
            DriverManager.getConnection(database + ";shutdown=true").close();
        } catch (SQLException expected) {
            // SQLState 08006: the database was shut down.
        }
    }
}
