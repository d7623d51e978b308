package org.mfaplatform.it.web;

import java.io.File;
import java.io.InputStream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The packaged EAR as it ships, with {@link DeployedAppProbe} added to both web modules. */
final class ProbedDeployment {

    static final String[] WEB_MODULES = {"user-web.war", "admin-web.war"};

    private ProbedDeployment() {}

    static EnterpriseArchive product() {
        EnterpriseArchive ear =
                ShrinkWrap.createFromZipFile(
                        EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
        for (String module : WEB_MODULES) {
            WebArchive war;
            try (InputStream packaged = ear.get(module).getAsset().openStream()) {
                war =
                        ShrinkWrap.create(ZipImporter.class, module)
                                .importFrom(packaged)
                                .as(WebArchive.class);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            war.addClass(DeployedAppProbe.class);
            ear.delete(module);
            ear.addAsModule(war);
        }
        return ear;
    }
}
