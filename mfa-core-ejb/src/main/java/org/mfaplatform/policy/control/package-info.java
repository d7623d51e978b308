/** The meaning of each company MFA policy, as pure decisions. */
package org.mfaplatform.policy.control;
