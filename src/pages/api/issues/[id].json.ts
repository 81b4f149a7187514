import type { APIRoute, GetStaticPaths } from 'astro';
import { allIssues, type IssueData } from '../../../site/content.ts';
import { issueApi, jsonResponse } from '../../../site/api.ts';

import { onlyPage } from '../../../site/only.ts';
export const getStaticPaths = (async () => (await allIssues()).filter((issue) => onlyPage(issue.id)).map((issue) => ({ params: { id: issue.id }, props: { issue } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ issue: IssueData }> = ({ props }) => jsonResponse(issueApi(props.issue));
