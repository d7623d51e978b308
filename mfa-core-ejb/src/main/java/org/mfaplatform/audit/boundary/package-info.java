/** Recording of audit events. */
package org.mfaplatform.audit.boundary;
