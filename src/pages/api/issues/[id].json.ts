import type { APIRoute, GetStaticPaths } from 'astro';
import { allIssues, type IssueData } from '../../../utils/content.ts';
import { issueApi, jsonResponse } from '../../../utils/api.ts';

import { onlyPage } from '../../../utils/only.ts';
export const getStaticPaths = (async () => (await allIssues()).filter((issue) => onlyPage(issue.id)).map((issue) => ({ params: { id: issue.id }, props: { issue } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ issue: IssueData }> = ({ props }) => jsonResponse(issueApi(props.issue));
