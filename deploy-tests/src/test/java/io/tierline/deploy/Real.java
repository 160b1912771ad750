package io.tierline.deploy;

import java.nio.file.Path;
import java.util.List;

/** The real repository, loaded once per test run. */
final class Real {

    static final Path ROOT = DeployPaths.root();
    static final Path DEPLOY_DIR = DeployPaths.deploy();
    static final Deploy DEPLOY = Deploy.load(DEPLOY_DIR);
    static final List<ServiceConfig> SERVICES = ServiceConfig.all(ROOT);

    private Real() {
    }

    static Deploy fixture(String name) {
        return Deploy.load(DeployPaths.fixture(name));
    }
}
