/** The audit trail page. */
package org.mfaplatform.admin.audit;
