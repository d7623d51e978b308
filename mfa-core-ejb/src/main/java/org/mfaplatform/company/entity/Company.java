package org.mfaplatform.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A customer organisation: its users share one MFA policy. */
@Entity
@Table(name = "COMPANY")
@NamedQuery(name = Company.FIND_BY_NAME, query = "SELECT c FROM Company c WHERE c.name = :name")
public class Company {

    public static final String FIND_BY_NAME = "Company.findByName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "MFA_POLICY", nullable = false, length = 16)
    private MfaPolicy mfaPolicy = MfaPolicy.OPTIONAL;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    /** Two administrators saving the policy at once must not silently overwrite each other. */
    @Version private long version;

    protected Company() {}

    public Company(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public MfaPolicy getMfaPolicy() {
        return mfaPolicy;
    }

    public void setMfaPolicy(MfaPolicy mfaPolicy) {
        this.mfaPolicy = mfaPolicy;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
