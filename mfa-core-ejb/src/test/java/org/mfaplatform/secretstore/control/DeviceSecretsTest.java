package org.mfaplatform.secretstore.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mfaplatform.secretstore.control.SecretKeyRingTest.KEY_A;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfaplatform.config.control.Settings;

class DeviceSecretsTest {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final Logger log = Logger.getLogger(DeviceSecrets.class.getName());

    private final List<LogRecord> logged = new ArrayList<>();

    private final Handler capture =
            new Handler() {
                @Override
                public void publish(LogRecord record) {
                    logged.add(record);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    @BeforeEach
    void captureLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
    }

    private static DeviceSecrets withRing(SecretKeyRing ring) {
        DeviceSecrets secrets = new DeviceSecrets();
        secrets.settings =
                new Settings() {
                    @Override
                    public SecretKeyRing secretKeyRing() {
                        return ring;
                    }
                };
        return secrets;
    }

    private String loggedText() {
        StringBuilder text = new StringBuilder();
        for (LogRecord record : logged) {
            text.append(record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
                }
            }
        }
        return text.toString();
    }

    @Test
    void refusesToStoreSecretWithoutKeyAndLogsWhy() {
        DeviceSecrets keyless = withRing(SecretKeyRing.empty());

        assertThrows(SecretKeyMissingException.class, () -> keyless.seal(7, SECRET));

        assertEquals(1, logged.size());
        assertEquals(Level.SEVERE, logged.get(0).getLevel());
        assertTrue(loggedText().contains("mfa.secretKeys"), loggedText());
    }

    @Test
    void tellsBeforehandWhetherASecretCanBeStored() {
        assertFalse(withRing(SecretKeyRing.empty()).canSeal(7));
        assertTrue(loggedText().contains("mfa.secretKeys"), loggedText());
        assertTrue(withRing(SecretKeyRing.parse("k:" + KEY_A, "k")).canSeal(7));
    }

    @Test
    void opensWhatItSealedForTheSameAccountOnly() {
        DeviceSecrets secrets = withRing(SecretKeyRing.parse("k:" + KEY_A, "k"));
        SealedSecret sealed = secrets.seal(7, SECRET);

        assertArrayEquals(SECRET, secrets.open(7, sealed));
        assertThrows(SecretUnreadableException.class, () -> secrets.open(8, sealed));
    }

    @Test
    void logsUnreadableSecretWithoutCiphertextOrKey() {
        DeviceSecrets secrets = withRing(SecretKeyRing.parse("k:" + KEY_A, "k"));
        SealedSecret sealed = secrets.seal(7, SECRET);

        assertThrows(SecretUnreadableException.class, () -> secrets.open(8, sealed));

        assertEquals(Level.SEVERE, logged.get(0).getLevel());
        assertFalse(loggedText().contains(sealed.ciphertext()), loggedText());
        assertFalse(loggedText().contains(KEY_A), loggedText());
        assertTrue(loggedText().contains("8"), "names the account: " + loggedText());
    }
}
