package io.roster.web.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment every Arquillian test runs against: the whole of module-web, as the server ships it. */
public final class Deployments {
    private Deployments() {}

    public static WebArchive roster() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "roster.war");
        File classes = new File("target/classes");
        war.addAsResource(new File(classes, "application.properties"), "application.properties");
        addClasses(war, classes, classes);
        return war;
    }

    private static void addClasses(WebArchive war, File root, File dir) {
        File[] files = dir.listFiles();
        if (files == null) {
            return;
        }
        for (File f : files) {
            if (f.isDirectory()) {
                addClasses(war, root, f);
            } else if (f.getName().endsWith(".class")) {
                String name = root.toPath().relativize(f.toPath()).toString().replace(File.separatorChar, '.');
                try {
                    war.addClass(Class.forName(
                            name.substring(0, name.length() - ".class".length()),
                            false,
                            Deployments.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
