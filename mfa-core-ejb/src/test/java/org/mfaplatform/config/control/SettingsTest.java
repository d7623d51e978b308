package org.mfaplatform.config.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfaplatform.account.control.Argon2idParameters;
import org.mfaplatform.account.control.Pbkdf2Parameters;

/**
 * The password settings as the server hands them over, through JNDI: a context factory named by the
 * standard system property serves the entries each test sets.
 */
class SettingsTest {

    /** Stands in for the server's {@code <jndiEntry>} elements. */
    private static final Map<String, String> ENTRIES = new ConcurrentHashMap<>();

    public static class Entries implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context)
                    Proxy.newProxyInstance(
                            Context.class.getClassLoader(),
                            new Class<?>[] {Context.class},
                            (proxy, method, args) -> {
                                if (!method.getName().equals("lookup")) {
                                    return null;
                                }
                                String value = ENTRIES.get(args[0].toString());
                                if (value == null) {
                                    throw new NameNotFoundException(args[0].toString());
                                }
                                return value;
                            });
        }
    }

    @BeforeEach
    void useTestEntries() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, Entries.class.getName());
    }

    @AfterEach
    void forgetTestEntries() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        ENTRIES.clear();
    }

    private static Settings load() {
        Settings settings = new Settings();
        settings.load();
        return settings;
    }

    @Test
    void defaultsToPbkdf2WithOwaspIterations() {
        assertEquals(new Pbkdf2Parameters(600_000), load().passwordHashParameters());
    }

    @Test
    void argon2idDefaultsToOwaspMemoryAndPasses() {
        ENTRIES.put("mfa/password/algorithm", "argon2id");

        assertEquals(Argon2idParameters.OWASP, load().passwordHashParameters());
    }

    @Test
    void readsArgon2idMemoryPassesAndParallelism() {
        ENTRIES.put("mfa/password/algorithm", "Argon2id");
        ENTRIES.put("mfa/password/argon2/memoryKiB", "7168");
        ENTRIES.put("mfa/password/argon2/passes", "5");
        ENTRIES.put("mfa/password/argon2/parallelism", "2");

        assertEquals(new Argon2idParameters(7168, 5, 2), load().passwordHashParameters());
    }

    @Test
    void refusesUnknownAlgorithmNamingTheSetting() {
        ENTRIES.put("mfa/password/algorithm", "bcrypt");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> load());

        assertTrue(
                refused.getMessage().contains("mfa/password/algorithm must be pbkdf2 or argon2id"),
                refused.getMessage());
    }

    @Test
    void refusesArgon2idMemoryOverTheBound() {
        ENTRIES.put("mfa/password/algorithm", "argon2id");
        ENTRIES.put("mfa/password/argon2/memoryKiB", "4194304");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> load());

        assertTrue(refused.getMessage().contains("Argon2id memory"), refused.getMessage());
    }

    @Test
    void refusesPbkdf2IterationsBelowTheBound() {
        ENTRIES.put("mfa/password/iterations", "1000");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> load());

        assertTrue(refused.getMessage().contains("PBKDF2 iterations"), refused.getMessage());
    }

    @Test
    void refusesPassesThatAreNoNumber() {
        ENTRIES.put("mfa/password/algorithm", "argon2id");
        ENTRIES.put("mfa/password/argon2/passes", "two");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> load());

        assertTrue(
                refused.getMessage().contains("mfa/password/argon2/passes must be a whole number"),
                refused.getMessage());
    }
}
