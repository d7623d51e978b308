package org.mfaplatform.administration.boundary;

import java.io.Serializable;
import java.time.Instant;
import org.mfaplatform.audit.entity.AuditEventType;

/** One audit event as the audit page shows it. */
public final class AuditRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Instant occurredAt;
    private final AuditEventType type;
    private final String companyName;
    private final String actorEmail;
    private final String subjectEmail;
    private final String sourceAddress;
    private final String detail;

    public AuditRow(
            Instant occurredAt,
            AuditEventType type,
            String companyName,
            String actorEmail,
            String subjectEmail,
            String sourceAddress,
            String detail) {
        this.occurredAt = occurredAt;
        this.type = type;
        this.companyName = companyName;
        this.actorEmail = actorEmail;
        this.subjectEmail = subjectEmail;
        this.sourceAddress = sourceAddress;
        this.detail = detail;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public AuditEventType getType() {
        return type;
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getActorEmail() {
        return actorEmail;
    }

    public String getSubjectEmail() {
        return subjectEmail;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public String getDetail() {
        return detail;
    }
}
