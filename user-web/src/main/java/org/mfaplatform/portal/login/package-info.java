/**
 * The login, token and logout pages.
 *
 * <p>Known shortcoming: these beans and the web package's RequestContext are the same in admin-web.
 * They cannot move to mfa-core-ejb, where the shared login mechanism lives, because Liberty's
 * facesContainer needs the Faces implementation inside each web module, out of the EJB module's
 * reach; a shared web library would be a module of its own. Change both copies together.
 */
package org.mfaplatform.portal.login;
