package dev.baton.engine.core;

import dev.baton.engine.core.scope.Scope;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateSpec;

import java.util.List;
import java.util.Map;

/**
 * A request to run a template as a node.
 *
 * @param nodeName    the node's full name
 * @param displayName the node's short name
 * @param parentId    the node that lists the new node among its children, or null
 * @param boundaryId  the enclosing steps or DAG node, or null
 * @param template    the resolved template
 * @param host        where template names inside it resolve
 * @param arguments   parameter arguments, already substituted in the caller's scope
 * @param artifacts   artifact arguments resolved to stored artifacts, by input name
 * @param waiter      who is told when the node is fulfilled
 * @param extra       variables added to the template's scope (e.g. {@code retries})
 * @param isAttempt   whether this call is one attempt of a Retry node (so no further retry wrapping)
 */
record Call(String nodeName, String displayName, String parentId, String boundaryId, TemplateSpec template,
            TemplateHost host, List<ParameterSpec> arguments, Map<String, ArtifactRef> artifacts, Frame waiter,
            Scope extra, boolean isAttempt) {

    Call withNames(String newNodeName, String newDisplayName, String newParentId, Frame newWaiter, Scope newExtra,
                   boolean attempt) {
        return new Call(newNodeName, newDisplayName, newParentId, boundaryId, template, host, arguments, artifacts,
                newWaiter, newExtra, attempt);
    }
}
