// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {BN256G1} from "./lib/BN256G1.sol";
import {IERC20, SafeTransfer} from "./lib/SafeTransfer.sol";
import {IServiceNodeRewards} from "./IServiceNodeRewards.sol";

/// A multi-contributor node being funded: the operator contributes first, then reserved and
/// public contributors; once the stake reaches the requirement the node is registered in
/// ServiceNodeRewards (at once, or when the operator finalizes if manualFinalize is set).
contract ServiceNodeContribution is SafeTransfer {
    error BeneficiaryUpdatingDisabledNodeIsNotOpen(uint256 ed25519Pubkey);
    error CalcMinContributionGivenBadContribArgs(uint256 numContributors, uint256 maxNumContributors);
    error ContributeFundsNotPossible(uint8 status);
    error ContributionBelowMinAmount(uint256 contributed, uint256 min);
    error ContributionBelowReservedAmount(uint256 contributed, uint256 reserved);
    error ContributionExceedsStakingRequirement(uint256 totalContributed, uint256 totalReserved, uint256 stakingRequirement);
    error DuplicateAddressInReservedContributor(uint256 index);
    error FeeExceedsPossibleValue(uint16 fee, uint16 max);
    error FinalizeNotPossible(uint8 status);
    error FirstContributionMustBeOperator(address contributor, address operator);
    error FirstReservedContributorMustBeOperator(uint256 index, address operator);
    error MaxContributorsExceeded(uint256 maxContributors);
    error NonContributorUpdatedBeneficiary(address nonContributorAddr);
    error OnlyOperatorIsAuthorised(address addr, address operator);
    error RequireWaitForOperatorContribStatus(uint8 status);
    error RescueBalanceIsEmpty(address token);
    error RescueNotPossible(uint8 status);
    error ReservedContributionBelowMinAmount(uint256 index, uint256 contributed, uint256 min);
    error ReservedContributionExceedsStakingRequirement(uint256 index, uint256 contributed, uint256 remaining);
    error ReservedContributorHasZeroAddress(uint256 index);
    error RewardsContractMaxContributorsChanged(uint256 oldMax, uint256 newMax);
    error RewardsContractStakingRequirementChanged(uint256 oldRequirement, uint256 newRequirement);
    error TooManyReservedContributors(uint256 length, uint256 max);
    error WithdrawTooEarly(uint256 contribTime, uint256 blockTime, uint256 delayRequired);

    event Filled();
    event Finalized();
    event NewContribution(address indexed contributor, address beneficiary, uint256 amount);
    event OpenForPublicContribution();
    event Reset();
    event UpdateFee(uint16 newFee);
    event UpdateManualFinalize(bool newValue);
    event UpdatePubkeys(BN256G1.G1Point newBLSPubkey, uint256 newEd25519Pubkey);
    event UpdateReservedContributors(IServiceNodeRewards.ReservedContributor[] newReservedContributors);
    event UpdateStakerBeneficiary(address indexed staker, address newBeneficiary);
    event WithdrawContribution(address indexed contributor, uint256 amount);

    enum Status {
        WaitForOperatorContrib,
        OpenForPublicContrib,
        WaitForFinalized,
        Finalized
    }

    struct Reserved {
        uint256 amount;
        bool received;
    }

    uint16 public constant MAX_FEE = 10000;
    uint64 public constant WITHDRAWAL_DELAY = 1 days;

    IERC20 public immutable SESH;
    IServiceNodeRewards public immutable stakingRewardsContract;
    uint256 public immutable stakingRequirement;
    uint256 public immutable maxContributors;
    address public immutable operator;

    BN256G1.G1Point public blsPubkey;
    IServiceNodeRewards.BLSSignatureParams public _blsSignature;
    IServiceNodeRewards.ServiceNodeParams public _serviceNodeParams;
    IServiceNodeRewards.Staker[] public _contributorAddresses;
    address[] public reservedContributionsAddresses;
    bool public manualFinalize;
    Status private _status;

    mapping(address => uint256) private _contributions;
    mapping(address => uint256) private _contributionTimestamp;
    mapping(address => Reserved) private _reserved;

    constructor(
        address _stakingRewardsContract,
        uint256 _maxContributors,
        BN256G1.G1Point memory key,
        IServiceNodeRewards.BLSSignatureParams memory sig,
        IServiceNodeRewards.ServiceNodeParams memory params,
        IServiceNodeRewards.ReservedContributor[] memory reserved,
        address _operator,
        bool _manualFinalize
    ) {
        stakingRewardsContract = IServiceNodeRewards(_stakingRewardsContract);
        SESH = IERC20(stakingRewardsContract.designatedToken());
        stakingRequirement = stakingRewardsContract.stakingRequirement();
        maxContributors = _maxContributors;
        operator = _operator;
        _setPubkeys(key, sig, params.serviceNodePubkey, params.serviceNodeSignature1, params.serviceNodeSignature2);
        _setFee(params.fee);
        _setReserved(reserved);
        manualFinalize = _manualFinalize;
    }

    modifier onlyOperator() {
        if (msg.sender != operator) revert OnlyOperatorIsAuthorised(msg.sender, operator);
        _;
    }

    // ---- views ------------------------------------------------------------------------------

    function status() public view returns (uint8) {
        return uint8(_status);
    }

    function blsSignature() external view returns (IServiceNodeRewards.BLSSignatureParams memory) {
        return _blsSignature;
    }

    function serviceNodeParams() external view returns (IServiceNodeRewards.ServiceNodeParams memory) {
        return _serviceNodeParams;
    }

    function contributions(address stakerAddr) external view returns (uint256 amount) {
        return _contributions[stakerAddr];
    }

    function contributionTimestamp(address stakerAddr) external view returns (uint256 amount) {
        return _contributionTimestamp[stakerAddr];
    }

    function reservedContributions(address stakerAddr) external view returns (uint256 amount, bool received) {
        Reserved memory r = _reserved[stakerAddr];
        return (r.amount, r.received);
    }

    function contributorAddresses(uint256 index) external view returns (IServiceNodeRewards.Staker memory) {
        return _contributorAddresses[index];
    }

    function contributorAddressesLength() external view returns (uint256 result) {
        return _contributorAddresses.length;
    }

    function totalContribution() public view returns (uint256 result) {
        for (uint256 i = 0; i < _contributorAddresses.length; i++) result += _contributions[_contributorAddresses[i].addr];
    }

    function operatorContribution() external view returns (uint256 result) {
        return _contributions[operator];
    }

    /// Reserved stakes not yet received: kept free for their holders.
    function totalReservedContribution() public view returns (uint256 result) {
        for (uint256 i = 0; i < reservedContributionsAddresses.length; i++) {
            Reserved memory r = _reserved[reservedContributionsAddresses[i]];
            if (!r.received) result += r.amount;
        }
    }

    function getContributions() external view returns (address[] memory addrs, address[] memory beneficiaries, uint256[] memory contribs) {
        uint256 n = _contributorAddresses.length;
        addrs = new address[](n);
        beneficiaries = new address[](n);
        contribs = new uint256[](n);
        for (uint256 i = 0; i < n; i++) {
            addrs[i] = _contributorAddresses[i].addr;
            beneficiaries[i] = _contributorAddresses[i].beneficiary;
            contribs[i] = _contributions[addrs[i]];
        }
    }

    function getReserved() external view returns (address[] memory addrs, uint256[] memory contribs, bool[] memory received) {
        uint256 n = reservedContributionsAddresses.length;
        addrs = new address[](n);
        contribs = new uint256[](n);
        received = new bool[](n);
        for (uint256 i = 0; i < n; i++) {
            addrs[i] = reservedContributionsAddresses[i];
            contribs[i] = _reserved[addrs[i]].amount;
            received[i] = _reserved[addrs[i]].received;
        }
    }

    function minimumOperatorContribution(uint256 _stakingRequirement) public pure returns (uint256 result) {
        return _stakingRequirement / 4;
    }

    /// What an unreserved contributor must bring: the open stake spread over the open slots.
    function calcMinimumContribution(uint256 contributionRemaining, uint256 numContributors, uint256 maxNumContributors)
        public
        pure
        returns (uint256 result)
    {
        if (maxNumContributors <= numContributors) revert CalcMinContributionGivenBadContribArgs(numContributors, maxNumContributors);
        return contributionRemaining / (maxNumContributors - numContributors);
    }

    function minimumContribution() public view returns (uint256 result) {
        uint256 taken = totalContribution() + totalReservedContribution();
        uint256 slots = _contributorAddresses.length;
        for (uint256 i = 0; i < reservedContributionsAddresses.length; i++) {
            if (!_reserved[reservedContributionsAddresses[i]].received) slots++;
        }
        return calcMinimumContribution(stakingRequirement - taken, slots, maxContributors);
    }

    // ---- contributing -----------------------------------------------------------------------

    function contributeFunds(uint256 amount, address beneficiary) external {
        _contribute(msg.sender, beneficiary, amount);
    }

    function _contribute(address caller, address beneficiary, uint256 amount) private {
        if (_status == Status.WaitForOperatorContrib) {
            if (caller != operator) revert FirstContributionMustBeOperator(caller, operator);
        } else if (_status != Status.OpenForPublicContrib) {
            revert ContributeFundsNotPossible(uint8(_status));
        }
        uint256 maxNow = stakingRewardsContract.maxContributors();
        if (maxNow != maxContributors) revert RewardsContractMaxContributorsChanged(maxContributors, maxNow);
        Reserved storage reserved = _reserved[caller];
        bool isNew = _contributions[caller] == 0;
        if (reserved.amount > 0 && !reserved.received) {
            if (amount < reserved.amount) revert ContributionBelowReservedAmount(amount, reserved.amount);
            reserved.received = true;
        } else if (caller == operator) {
            uint256 min = minimumOperatorContribution(stakingRequirement);
            if (_contributions[caller] + amount < min) revert ContributionBelowMinAmount(amount, min);
        } else if (isNew) {
            uint256 min = minimumContribution();
            if (amount < min) revert ContributionBelowMinAmount(amount, min);
        }
        uint256 total = totalContribution() + amount;
        uint256 reservedLeft = totalReservedContribution();
        if (total + reservedLeft > stakingRequirement) revert ContributionExceedsStakingRequirement(total, reservedLeft, stakingRequirement);
        if (isNew) {
            if (_contributorAddresses.length >= maxContributors) revert MaxContributorsExceeded(maxContributors);
            _contributorAddresses.push(IServiceNodeRewards.Staker(caller, beneficiary == address(0) ? caller : beneficiary));
        }
        _contributions[caller] += amount;
        _contributionTimestamp[caller] = block.timestamp;
        _safeTransferFrom(SESH, caller, address(this), amount);
        emit NewContribution(caller, beneficiary == address(0) ? caller : beneficiary, amount);

        if (_status == Status.WaitForOperatorContrib) {
            _status = Status.OpenForPublicContrib;
            emit OpenForPublicContribution();
        }
        if (total == stakingRequirement) {
            _status = Status.WaitForFinalized;
            emit Filled();
            if (!manualFinalize) _finalize();
        }
    }

    function finalize() external onlyOperator {
        _finalize();
    }

    function _finalize() private {
        if (_status != Status.WaitForFinalized) revert FinalizeNotPossible(uint8(_status));
        uint256 requirementNow = stakingRewardsContract.stakingRequirement();
        if (requirementNow != stakingRequirement) revert RewardsContractStakingRequirementChanged(stakingRequirement, requirementNow);
        uint256 n = _contributorAddresses.length;
        IServiceNodeRewards.Contributor[] memory list = new IServiceNodeRewards.Contributor[](n);
        for (uint256 i = 0; i < n; i++) {
            list[i] = IServiceNodeRewards.Contributor(_contributorAddresses[i], _contributions[_contributorAddresses[i].addr]);
        }
        _status = Status.Finalized;
        _safeApprove(SESH, address(stakingRewardsContract), stakingRequirement);
        stakingRewardsContract.addBLSPublicKey(blsPubkey, _blsSignature, _serviceNodeParams, list);
        emit Finalized();
    }

    /// A contributor (not the operator) takes their stake back a day after contributing. A full
    /// node that loses a contributor is open again: no event says so.
    function withdrawContribution() external {
        if (_status == Status.Finalized) revert ContributeFundsNotPossible(uint8(_status));
        uint256 amount = _contributions[msg.sender];
        if (amount == 0) revert NonContributorUpdatedBeneficiary(msg.sender);
        if (msg.sender == operator) revert OnlyOperatorIsAuthorised(msg.sender, address(0));
        uint256 since = _contributionTimestamp[msg.sender];
        if (block.timestamp < since + WITHDRAWAL_DELAY) revert WithdrawTooEarly(since, block.timestamp, WITHDRAWAL_DELAY);
        _removeContributor(msg.sender);
        if (_status == Status.WaitForFinalized) _status = Status.OpenForPublicContrib;
        emit WithdrawContribution(msg.sender, amount);
        _safeTransfer(SESH, msg.sender, amount);
    }

    function _removeContributor(address staker) private {
        uint256 n = _contributorAddresses.length;
        for (uint256 i = 0; i < n; i++) {
            if (_contributorAddresses[i].addr == staker) {
                _contributorAddresses[i] = _contributorAddresses[n - 1];
                _contributorAddresses.pop();
                break;
            }
        }
        delete _contributions[staker];
        delete _contributionTimestamp[staker];
        if (_reserved[staker].amount > 0) _reserved[staker].received = false;
    }

    function updateBeneficiary(address newBeneficiary) external {
        if (_status == Status.Finalized) revert BeneficiaryUpdatingDisabledNodeIsNotOpen(_serviceNodeParams.serviceNodePubkey);
        if (_contributions[msg.sender] == 0) revert NonContributorUpdatedBeneficiary(msg.sender);
        address b = newBeneficiary == address(0) ? msg.sender : newBeneficiary;
        for (uint256 i = 0; i < _contributorAddresses.length; i++) {
            if (_contributorAddresses[i].addr == msg.sender) _contributorAddresses[i].beneficiary = b;
        }
        emit UpdateStakerBeneficiary(msg.sender, b);
    }

    // ---- the operator's settings --------------------------------------------------------------

    function reset() public onlyOperator {
        _reset();
    }

    function _reset() private {
        if (_status == Status.Finalized) revert ContributeFundsNotPossible(uint8(_status));
        while (_contributorAddresses.length > 0) {
            address staker = _contributorAddresses[_contributorAddresses.length - 1].addr;
            uint256 amount = _contributions[staker];
            _removeContributor(staker);
            if (amount > 0) _safeTransfer(SESH, staker, amount);
        }
        _status = Status.WaitForOperatorContrib;
        emit Reset();
    }

    function updateFee(uint16 fee) external onlyOperator {
        _requireWaitForOperator();
        _setFee(fee);
        emit UpdateFee(fee);
    }

    function updateManualFinalize(bool value) external onlyOperator {
        manualFinalize = value;
        emit UpdateManualFinalize(value);
    }

    function updatePubkeys(
        BN256G1.G1Point memory newBLSPubkey,
        IServiceNodeRewards.BLSSignatureParams memory newBLSSig,
        uint256 ed25519Pubkey,
        uint256 ed25519Sig0,
        uint256 ed25519Sig1
    ) external onlyOperator {
        _requireWaitForOperator();
        _setPubkeys(newBLSPubkey, newBLSSig, ed25519Pubkey, ed25519Sig0, ed25519Sig1);
        emit UpdatePubkeys(newBLSPubkey, ed25519Pubkey);
    }

    function updateReservedContributors(IServiceNodeRewards.ReservedContributor[] memory reserved) external onlyOperator {
        _requireWaitForOperator();
        _setReserved(reserved);
        emit UpdateReservedContributors(reserved);
    }

    function resetUpdateAndContribute(
        BN256G1.G1Point memory key,
        IServiceNodeRewards.BLSSignatureParams memory sig,
        IServiceNodeRewards.ServiceNodeParams memory params,
        IServiceNodeRewards.ReservedContributor[] memory reserved,
        bool _manualFinalize,
        address beneficiary,
        uint256 amount
    ) external onlyOperator {
        if (_status != Status.WaitForOperatorContrib) _reset();
        _setPubkeys(key, sig, params.serviceNodePubkey, params.serviceNodeSignature1, params.serviceNodeSignature2);
        emit UpdatePubkeys(key, params.serviceNodePubkey);
        _setFee(params.fee);
        emit UpdateFee(params.fee);
        _setReserved(reserved);
        emit UpdateReservedContributors(reserved);
        manualFinalize = _manualFinalize;
        emit UpdateManualFinalize(_manualFinalize);
        _contribute(msg.sender, beneficiary, amount);
    }

    function rescueERC20(address tokenAddress) external onlyOperator {
        if (_status != Status.Finalized && tokenAddress == address(SESH)) revert RescueNotPossible(uint8(_status));
        uint256 balance = IERC20(tokenAddress).balanceOf(address(this));
        if (balance == 0) revert RescueBalanceIsEmpty(tokenAddress);
        _safeTransfer(IERC20(tokenAddress), operator, balance);
    }

    function _requireWaitForOperator() private view {
        if (_status != Status.WaitForOperatorContrib) revert RequireWaitForOperatorContribStatus(uint8(_status));
    }

    function _setFee(uint16 fee) private {
        if (fee > MAX_FEE) revert FeeExceedsPossibleValue(fee, MAX_FEE);
        _serviceNodeParams.fee = fee;
    }

    function _setPubkeys(
        BN256G1.G1Point memory key,
        IServiceNodeRewards.BLSSignatureParams memory sig,
        uint256 ed25519Pubkey,
        uint256 ed25519Sig0,
        uint256 ed25519Sig1
    ) private {
        blsPubkey = key;
        _blsSignature = sig;
        _serviceNodeParams.serviceNodePubkey = ed25519Pubkey;
        _serviceNodeParams.serviceNodeSignature1 = ed25519Sig0;
        _serviceNodeParams.serviceNodeSignature2 = ed25519Sig1;
    }

    function _setReserved(IServiceNodeRewards.ReservedContributor[] memory reserved) private {
        if (reserved.length > maxContributors) revert TooManyReservedContributors(reserved.length, maxContributors);
        for (uint256 i = 0; i < reservedContributionsAddresses.length; i++) delete _reserved[reservedContributionsAddresses[i]];
        delete reservedContributionsAddresses;
        uint256 remaining = stakingRequirement;
        for (uint256 i = 0; i < reserved.length; i++) {
            address addr = reserved[i].addr;
            if (addr == address(0)) revert ReservedContributorHasZeroAddress(i);
            if (i == 0 && addr != operator) revert FirstReservedContributorMustBeOperator(i, operator);
            if (_reserved[addr].amount != 0) revert DuplicateAddressInReservedContributor(i);
            uint256 min = i == 0 ? minimumOperatorContribution(stakingRequirement) : calcMinimumContribution(remaining, i, maxContributors);
            if (reserved[i].amount < min) revert ReservedContributionBelowMinAmount(i, reserved[i].amount, min);
            if (reserved[i].amount > remaining) revert ReservedContributionExceedsStakingRequirement(i, reserved[i].amount, remaining);
            remaining -= reserved[i].amount;
            _reserved[addr] = Reserved(reserved[i].amount, false);
            reservedContributionsAddresses.push(addr);
        }
    }
}
