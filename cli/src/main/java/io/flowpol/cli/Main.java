package io.flowpol.cli;

/** Entry point of the runnable jar; replaced by the picocli command tree. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("flowpol");
    }
}
