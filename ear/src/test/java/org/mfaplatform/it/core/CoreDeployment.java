package org.mfaplatform.it.core;

import java.io.File;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A micro-deployment of the packaged core module: its EJB jar and libraries, taken from the built
 * EAR so the tests run exactly what ships, plus the test classes in a WAR.
 */
final class CoreDeployment {

    private CoreDeployment() {}

    static WebArchive withTests(Class<?>... testClasses) {
        EnterpriseArchive ear =
                ShrinkWrap.createFromZipFile(
                        EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
        WebArchive war =
                ShrinkWrap.create(WebArchive.class, "core-it.war")
                        .addAsLibrary(ear.getAsType(JavaArchive.class, "mfa-core-ejb.jar"))
                        .addClasses(testClasses)
                        .addClasses(TestAccounts.class, Devices.class, CoreDeployment.class)
                        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        for (ArchivePath library :
                ear.getContent(path -> path.get().startsWith("/lib/")).keySet()) {
            war.addAsLibrary(ear.getAsType(JavaArchive.class, library));
        }
        return war;
    }
}
