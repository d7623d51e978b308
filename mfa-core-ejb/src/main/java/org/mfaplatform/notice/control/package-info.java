/** What a notice to a user says: the events that call for one and their wording. */
package org.mfaplatform.notice.control;
