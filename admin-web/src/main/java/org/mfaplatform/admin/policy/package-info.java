/** The company's MFA policy, with a preview of what a change does. */
package org.mfaplatform.admin.policy;
