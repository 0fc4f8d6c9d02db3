// One IAM role per IRSA binding (constructs/contracts/identities.ts), trusted by exactly one Kubernetes service
// account: StringEquals on <issuer>:sub = system:serviceaccount:<ns>:<sa> and <issuer>:aud = sts.amazonaws.com.
// Names come from the contract, so the charts annotate service accounts with ARNs they compute themselves.
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { irsaBindings, type IrsaBinding } from '../contracts';
import { grantStatements } from './grant-policies';
import { toDocumentStatement } from './secure-bucket';

/** Grants served by an AWS-managed policy that AWS keeps in step with the component. */
const MANAGED_POLICIES: Readonly<Partial<Record<string, string>>> = {
  'ebs-csi-driver': 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
};

export interface IrsaRolesProps {
  readonly env: EnvConfig;
  readonly oidcProviderArn: string;
  /** The issuer without https:// (EksCluster.oidcIssuer). */
  readonly oidcIssuer: string;
}

export class IrsaRoles extends Construct {
  /** Role per binding purpose. */
  readonly roles = new Map<string, IamRole>();

  constructor(scope: Construct, id: string, props: IrsaRolesProps) {
    super(scope, id);
    for (const binding of irsaBindings(props.env)) this.roles.set(binding.purpose, this.role(binding, props));
  }

  private role(binding: IrsaBinding, props: IrsaRolesProps): IamRole {
    const id = binding.purpose;
    const trust = new DataAwsIamPolicyDocument(this, `${id}-trust`, {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [{ type: 'Federated', identifiers: [props.oidcProviderArn] }],
          condition: [
            {
              test: 'StringEquals',
              variable: `${props.oidcIssuer}:sub`,
              values: [`system:serviceaccount:${binding.namespace}:${binding.serviceAccount}`],
            },
            { test: 'StringEquals', variable: `${props.oidcIssuer}:aud`, values: ['sts.amazonaws.com'] },
          ],
        },
      ],
    });
    const role = new IamRole(this, id, { name: binding.roleName, assumeRolePolicy: trust.json });
    const statements = binding.grants.flatMap((grant) => grantStatements(props.env, grant));
    if (statements.length > 0) {
      const permissions = new DataAwsIamPolicyDocument(this, `${id}-permissions`, {
        statement: statements.map(toDocumentStatement),
      });
      new IamRolePolicy(this, `${id}-policy`, {
        role: role.id,
        name: 'least-privilege',
        policy: permissions.json,
      });
    }
    const managed = MANAGED_POLICIES[id];
    if (managed) new IamRolePolicyAttachment(this, `${id}-managed`, { role: role.name, policyArn: managed });
    return role;
  }
}
