package org.mfaplatform.admin.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the admin pages and the CSV export write times: always UTC, so staff in every zone agree. */
@Named
@ApplicationScoped
public class Format {

    private static final DateTimeFormatter SECONDS_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** An empty text for no time, so pages and the CSV show a blank cell. */
    public String utc(Instant instant) {
        return instant == null ? "" : SECONDS_UTC.format(instant);
    }
}
