import type { NeedView, PostNeedRequest } from '@psc/contracts/socialorg';
import { api } from '../../api/client';

/** 需求清单 at the kiosk, as the identified resident. */
export const postNeed = (need: PostNeedRequest) => api().post<NeedView>('/socialorg/needs', need);

export const fetchMyNeeds = () => api().get<NeedView[]>('/socialorg/needs/mine');
