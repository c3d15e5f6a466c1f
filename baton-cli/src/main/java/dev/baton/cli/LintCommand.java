package dev.baton.cli;

import dev.baton.template.LoadResult;
import dev.baton.template.Problem;
import dev.baton.template.WorkflowFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code baton lint FILE...}: reads and validates workflow files together (templates of one file can be
 * used by the others) and prints every problem as {@code FILE:LINE:COL: PATH: message}.
 */
@Command(name = "lint", description = "Checks workflow files and reports every problem.")
final class LintCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Workflow, WorkflowTemplate, "
            + "ClusterWorkflowTemplate or CronWorkflow files (YAML or JSON).")
    List<Path> files;

    @Override
    public Integer call() {
        LoadResult result = WorkflowFiles.load(files);
        for (Problem problem : result.problems()) {
            System.out.println(problem.format());
        }
        long withProblems = result.problems().stream().map(Problem::file).distinct().count();
        if (result.ok()) {
            System.err.println("baton lint: " + files.size() + (files.size() == 1 ? " file" : " files")
                    + " checked, no problems");
            return 0;
        }
        int count = result.problems().size();
        System.err.println("baton lint: " + count + (count == 1 ? " problem" : " problems") + " in "
                + withProblems + " of " + files.size() + (files.size() == 1 ? " file" : " files"));
        return Baton.EXIT_INVALID;
    }
}
