package com.leadflow.localstack;

import java.nio.file.Path;

/** Layouts for tests: a checkout whose .local is a temporary folder. */
final class TestLayouts {

  private TestLayouts() {}

  static StackLayout inside(Path repo) {
    return StackLayout.forRepo(repo, new BuildInfo("3.0.9", "4.1.2", "0.1.0-SNAPSHOT"));
  }
}
