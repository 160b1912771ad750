package io.tierline.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checked files are: the repository root (the services) and deploy/, or a test fixture instead. */
final class DeployPaths {

    private DeployPaths() {
    }

    /** The repository root, holding the services' modules. */
    static Path root() {
        return existing(System.getProperty("tierline.root.dir", ".."));
    }

    /** The real deploy/ folder. */
    static Path deploy() {
        return existing(System.getProperty("tierline.deploy.dir", "../deploy"));
    }

    /** A fixture folder under src/test/resources/fixtures, shaped like deploy/ but deliberately broken. */
    static Path fixture(String name) {
        return existing("src/test/resources/fixtures/" + name);
    }

    private static Path existing(String path) {
        Path p = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("not a folder: " + p);
        }
        return p;
    }
}
