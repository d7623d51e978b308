/** What the login keeps in the database between requests, shared by every node. */
package org.mfaplatform.login.entity;
