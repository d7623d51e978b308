package org.mfaplatform.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recorded act: who did what to whom, when (UTC) and from where. Emails are copied in, not
 * referenced, so the record still reads right after an account is renamed or removed. Never holds a
 * secret, a token or a password.
 */
@Entity
@Table(
        name = "AUDIT_EVENT",
        indexes = {
            @Index(name = "AUDIT_EVENT_COMPANY_TIME", columnList = "COMPANY_ID, OCCURRED_AT"),
            @Index(name = "AUDIT_EVENT_SUBJECT", columnList = "SUBJECT_ACCOUNT_ID")
        })
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AuditEventType type;

    @Column(name = "COMPANY_ID")
    private Long companyId;

    @Column(name = "ACTOR_ACCOUNT_ID")
    private Long actorAccountId;

    @Column(name = "ACTOR_EMAIL", length = 254)
    private String actorEmail;

    @Column(name = "SUBJECT_ACCOUNT_ID")
    private Long subjectAccountId;

    @Column(name = "SUBJECT_EMAIL", length = 254)
    private String subjectEmail;

    @Column(name = "SOURCE_ADDRESS", length = 64)
    private String sourceAddress;

    /** Reason, ticket reference or old and new value, as the type calls for. */
    @Column(length = 1000)
    private String detail;

    protected AuditEvent() {}

    public AuditEvent(
            Instant occurredAt,
            AuditEventType type,
            Long companyId,
            Long actorAccountId,
            String actorEmail,
            Long subjectAccountId,
            String subjectEmail,
            String sourceAddress,
            String detail) {
        this.occurredAt = occurredAt;
        this.type = type;
        this.companyId = companyId;
        this.actorAccountId = actorAccountId;
        this.actorEmail = actorEmail;
        this.subjectAccountId = subjectAccountId;
        this.subjectEmail = subjectEmail;
        this.sourceAddress = sourceAddress;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public AuditEventType getType() {
        return type;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public Long getActorAccountId() {
        return actorAccountId;
    }

    public String getActorEmail() {
        return actorEmail;
    }

    public Long getSubjectAccountId() {
        return subjectAccountId;
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
