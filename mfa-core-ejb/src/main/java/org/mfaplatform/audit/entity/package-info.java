/** The audit trail: a structured record of security-relevant acts, kept apart from logs. */
package org.mfaplatform.audit.entity;
