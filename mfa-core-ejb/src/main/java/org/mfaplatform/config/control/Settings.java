package org.mfaplatform.config.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import org.mfaplatform.account.control.Argon2idParameters;
import org.mfaplatform.account.control.PasswordHashParameters;
import org.mfaplatform.account.control.Pbkdf2Parameters;
import org.mfaplatform.login.control.ThrottleLimits;
import org.mfaplatform.policy.control.TokenLockPolicy;
import org.mfaplatform.secretstore.control.SecretKeyRing;
import org.mfaplatform.totp.control.HmacAlgorithm;
import org.mfaplatform.totp.control.TotpPolicy;

/**
 * The deployment's settings, read once at start from JNDI entries under {@code mfa/}. JNDI is the
 * portable way for a server to hand values to an application: Liberty binds them with {@code
 * <jndiEntry>}, WildFly with naming subsystem bindings. A missing entry takes the safe default
 * written here.
 */
@ApplicationScoped
public class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

    private static final String PREFIX = "mfa/";

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 600_000;

    /** Five tries cover a person's typos; more than that in one login is guessing. */
    public static final int DEFAULT_MAX_TOKEN_TRIES_PER_LOGIN = 5;

    /** Twelve hours: a working day with overtime, after which everybody logs in afresh. */
    public static final int DEFAULT_SESSION_MAX_MINUTES = 12 * 60;

    private TotpPolicy totpPolicy;
    private String issuer;
    private Duration setupTimeout;
    private PasswordHashParameters passwordHashParameters;
    private TokenLockPolicy tokenLockPolicy;
    private int maxTokenTriesPerLogin;
    private Duration secondStepTimeout;
    private Duration sessionMaxLifetime;
    private boolean demoData;
    private SecretKeyRing secretKeyRing;
    private ThrottleLimits passwordThrottle;
    private Set<String> trustedProxies;

    @PostConstruct
    void load() {
        totpPolicy =
                new TotpPolicy(
                        HmacAlgorithm.valueOf(
                                text("totp/algorithm", TotpPolicy.DEFAULT_ALGORITHM.name())
                                        .toUpperCase(Locale.ROOT)),
                        number("totp/digits", TotpPolicy.DEFAULT_DIGITS),
                        Duration.ofSeconds(
                                number(
                                        "totp/periodSeconds",
                                        (int) TotpPolicy.DEFAULT_PERIOD.toSeconds())),
                        number("totp/window", TotpPolicy.DEFAULT_WINDOW));
        issuer = text("issuer", "localhost");
        setupTimeout = Duration.ofMinutes(number("enrollment/timeoutMinutes", 10));
        passwordHashParameters = readPasswordHashParameters();
        tokenLockPolicy =
                new TokenLockPolicy(
                        number("token/lockAfter", TokenLockPolicy.DEFAULT_LOCK_AFTER),
                        Duration.ofMinutes(
                                number(
                                        "token/lockMinutes",
                                        (int) TokenLockPolicy.DEFAULT_FIRST_LOCK.toMinutes())),
                        Duration.ofMinutes(
                                number(
                                        "token/maxLockMinutes",
                                        (int) TokenLockPolicy.DEFAULT_LONGEST_LOCK.toMinutes())),
                        number(
                                "token/lockAccountAfter",
                                TokenLockPolicy.DEFAULT_LOCK_ACCOUNT_AFTER));
        maxTokenTriesPerLogin = number("login/maxTokenTries", DEFAULT_MAX_TOKEN_TRIES_PER_LOGIN);
        secondStepTimeout = Duration.ofMinutes(number("login/secondStepMinutes", 5));
        sessionMaxLifetime =
                Duration.ofMinutes(number("session/maxMinutes", DEFAULT_SESSION_MAX_MINUTES));
        demoData = Boolean.parseBoolean(text("demoData", "false"));
        secretKeyRing = readSecretKeyRing();
        passwordThrottle =
                new ThrottleLimits(
                        number("password/freeFailures", ThrottleLimits.DEFAULT_FREE_FAILURES),
                        number(
                                "password/addressFreeFailures",
                                ThrottleLimits.DEFAULT_ADDRESS_FREE_FAILURES),
                        Duration.ofMinutes(
                                number(
                                        "password/failureWindowMinutes",
                                        (int) ThrottleLimits.DEFAULT_WINDOW.toMinutes())),
                        Duration.ofSeconds(
                                number(
                                        "password/firstDelaySeconds",
                                        (int) ThrottleLimits.DEFAULT_FIRST_DELAY.toSeconds())),
                        Duration.ofMinutes(
                                number(
                                        "password/maxDelayMinutes",
                                        (int) ThrottleLimits.DEFAULT_MAX_DELAY.toMinutes())));
        trustedProxies =
                Arrays.stream(text("trustedProxies", "").split(","))
                        .map(String::strip)
                        .filter(entry -> !entry.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());

        LOG.log(
                Level.INFO,
                "Loaded settings: issuer {0}, TOTP {1}, password hashes {2}, demo data {3},"
                        + " secret-encryption {4}, password throttle {5}, trusted proxies {6}",
                new Object[] {
                    issuer,
                    totpPolicy,
                    passwordHashParameters,
                    demoData,
                    secretKeyRing,
                    passwordThrottle,
                    trustedProxies
                });
    }

    /**
     * The keys TOTP secrets are encrypted under. A broken ring stops the application rather than
     * being ignored, so no secret is ever stored under a key nobody meant to use.
     */
    private static SecretKeyRing readSecretKeyRing() {
        try {
            return SecretKeyRing.parse(text("secretKeys/ring", ""), text("secretKeys/current", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Variables mfa.secretKeys and mfa.secretKeys.current are unusable: "
                            + e.getMessage());
        }
    }

    public TotpPolicy totpPolicy() {
        return totpPolicy;
    }

    /** The deployment's domain name, shown by authenticator apps above the account. */
    public String issuer() {
        return issuer;
    }

    /** How long a QR code shown by Setup stays good for its confirming token. */
    public Duration setupTimeout() {
        return setupTimeout;
    }

    /** Algorithm and parameters of new password hashes; older hashes are replaced at login. */
    public PasswordHashParameters passwordHashParameters() {
        return passwordHashParameters;
    }

    /** What an account's count of wrong tokens in a row locks, and for how long. */
    public TokenLockPolicy tokenLockPolicy() {
        return tokenLockPolicy;
    }

    /**
     * Wrong tokens one login may give before it ends and the password must be given again, so that
     * each further batch of guesses costs a (deliberately slow) password check.
     */
    public int maxTokenTriesPerLogin() {
        return maxTokenTriesPerLogin;
    }

    /** How long a correct password waits for its token before the login starts over. */
    public Duration secondStepTimeout() {
        return secondStepTimeout;
    }

    /**
     * How long a login lasts at most from its password, however busy the session: an idle session
     * already ends after 30 minutes (web.xml), this ends a session kept busy, for example by a
     * stolen cookie.
     */
    public Duration sessionMaxLifetime() {
        return sessionMaxLifetime;
    }

    public boolean demoData() {
        return demoData;
    }

    /** Empty when no key is configured, in which case no device may be set up. */
    public SecretKeyRing secretKeyRing() {
        return secretKeyRing;
    }

    /**
     * Read here rather than where hashes are made, so that a wrong value stops the application at
     * start (the demo data loader reads the settings then) instead of at the first login.
     */
    private static PasswordHashParameters readPasswordHashParameters() {
        String algorithm = text("password/algorithm", "pbkdf2").toLowerCase(Locale.ROOT);
        try {
            return switch (algorithm) {
                case "pbkdf2" ->
                        new Pbkdf2Parameters(
                                number("password/iterations", DEFAULT_PASSWORD_ITERATIONS));
                case "argon2id" ->
                        new Argon2idParameters(
                                number(
                                        "password/argon2/memoryKiB",
                                        Argon2idParameters.OWASP.memoryKiB()),
                                number("password/argon2/passes", Argon2idParameters.OWASP.passes()),
                                number(
                                        "password/argon2/parallelism",
                                        Argon2idParameters.OWASP.parallelism()));
                default ->
                        throw new IllegalStateException(
                                "Setting "
                                        + PREFIX
                                        + "password/algorithm must be pbkdf2 or argon2id, not "
                                        + algorithm);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Settings "
                            + PREFIX
                            + "password/* do not make a usable password hash: "
                            + e.getMessage(),
                    e);
        }
    }

    /** How wrong passwords are slowed per email and address, and per address alone. */
    public ThrottleLimits passwordThrottle() {
        return passwordThrottle;
    }

    /**
     * Addresses of the reverse proxies in front of the servers, as written in the configuration;
     * only requests from these may name the client's address in {@code X-Forwarded-For}. Empty by
     * default, so a header sent straight by a client is never believed.
     */
    public Set<String> trustedProxies() {
        return trustedProxies;
    }

    private static String text(String name, String defaultValue) {
        try {
            Object value = new InitialContext().lookup(PREFIX + name);
            return value == null ? defaultValue : value.toString().strip();
        } catch (NameNotFoundException e) {
            return defaultValue;
        } catch (NamingException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not read setting " + PREFIX + name + "; using default",
                    e);
            return defaultValue;
        }
    }

    private static int number(String name, int defaultValue) {
        String value = text(name, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "Setting " + PREFIX + name + " must be a whole number, not " + value, e);
        }
    }
}
