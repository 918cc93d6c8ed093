package net.paycallbacks.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checked files are: the repository root, found upwards from the working directory. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (with docker-compose.yml and k8s/) above "
                + Path.of("").toAbsolutePath());
    }

    public static Path k8s(String relative) {
        return root().resolve("k8s").resolve(relative);
    }
}
