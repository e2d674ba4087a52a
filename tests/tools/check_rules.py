"""Checks the rule snippets the page writes with the real tools: the AWS CLI parses and
validates each command (it stops only when it cannot reach the endpoint, a closed port on
127.0.0.1: nothing is sent anywhere), cfn-lint checks the CloudFormation template against
the resource schemas it ships, and python-hcl2 parses the Terraform, whose resources and
arguments are checked against the AWS provider's documented arguments
(tests/data/terraform-aws-rules.json).

Usage: check_rules.py DIR   (DIR holds cli.txt, main.tf, template.json)
Prints one line per problem; exits 1 if there is any."""
import contextlib
import io
import json
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def check_cli(path, problems):
    from awscli.clidriver import create_clidriver

    os.environ.update(
        AWS_ACCESS_KEY_ID="AKIAEXAMPLEEXAMPLE00",
        AWS_SECRET_ACCESS_KEY="example",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE="/nonexistent",
        AWS_SHARED_CREDENTIALS_FILE="/nonexistent",
        AWS_MAX_ATTEMPTS="1",
        AWS_RETRY_MODE="standard",
    )
    commands = [l for l in open(path).read().splitlines() if l.startswith("aws ")]
    if not commands:
        problems.append("cli: no command")
    for line in commands:
        args = shlex.split(line)[1:] + ["--endpoint-url", "http://127.0.0.1:9", "--cli-connect-timeout", "1"]
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = create_clidriver().main(args)
        text = err.getvalue()
        if "Could not connect to the endpoint URL" not in text:
            problems.append(f"cli: {line}\n  exit {code}: {text.strip()[:400]}")


def check_cloudformation(path, problems):
    cfn = os.path.join(os.path.dirname(sys.executable), "cfn-lint")
    run = subprocess.run([cfn, "--format", "parseable", path], capture_output=True, text=True)
    if run.returncode != 0:
        problems.append(f"cloudformation: cfn-lint exit {run.returncode}: {run.stdout.strip()} {run.stderr.strip()}"[:800])


def check_terraform(path, problems):
    import hcl2

    schema = json.load(open(os.path.join(HERE, "..", "data", "terraform-aws-rules.json")))["resources"]
    with open(path) as f:
        doc = hcl2.load(f)
    resources = doc.get("resource", [])
    if not resources:
        problems.append("terraform: no resource")
    for block in resources:
        for rtype, named in block.items():
            # python-hcl2 keeps the quotes of block labels and string values.
            rtype = rtype.strip('"')
            spec = schema.get(rtype)
            if spec is None:
                problems.append(f"terraform: unknown resource type {rtype}")
                continue
            for name, body in named.items():
                name = name.strip('"')
                args = {k.strip('"') for k in body if not k.startswith("__")}
                allowed = set(spec["required"]) | set(spec["optional"])
                for a in sorted(args - allowed):
                    problems.append(f"terraform: {rtype}.{name}: no argument {a}")
                for a in sorted(set(spec["required"]) - args):
                    problems.append(f"terraform: {rtype}.{name}: missing {a}")
                if not args & set(spec["one_of"]):
                    problems.append(f"terraform: {rtype}.{name}: needs one of {spec['one_of']}")
                unless = spec.get("ports_required_unless_protocol")
                if unless is not None and str(body.get("ip_protocol")).strip('"') not in unless:
                    if not {"from_port", "to_port"} <= args:
                        problems.append(f"terraform: {rtype}.{name}: from_port and to_port are required")


def main():
    d = sys.argv[1]
    problems = []
    check_cli(os.path.join(d, "cli.txt"), problems)
    check_cloudformation(os.path.join(d, "template.json"), problems)
    check_terraform(os.path.join(d, "main.tf"), problems)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


main()
