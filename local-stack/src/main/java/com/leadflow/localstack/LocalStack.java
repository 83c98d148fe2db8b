package com.leadflow.localstack;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--reset] [--no-services] [--demo]}:
 * the whole leadflow system on one machine, without Docker.
 */
public final class LocalStack {

  private LocalStack() {}

  public static void main(String[] args) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (LaunchOptions.UsageException e) {
      System.err.println("local-stack: " + e.getMessage());
      System.err.println();
      System.err.print(LaunchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(LaunchOptions.USAGE);
      return;
    }
    Console console = Console.system();
    StackLayout layout;
    try {
      layout = StackLayout.locate(options.repoDir(), BuildInfo.load());
    } catch (IllegalStateException e) {
      console.error(e.getMessage());
      System.exit(1);
      return;
    }
    StackRunner stack = new StackRunner(layout, options, console);
    // Ctrl-C, SIGTERM and a closed terminal all end here: stop the children in order, then exit
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
    System.exit(stack.run());
  }
}
